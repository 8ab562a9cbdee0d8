using System.CommandLine;
using System.Globalization;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;
using SpecMap.Core.Probe.Reports;

namespace SpecMap.Cli.Commands;

/// <summary>
/// `specmap probe --base-url URL | --replay DIR [MAPPING]`: send the scenarios to a running server (or read recorded
/// streams), check every event against the spec and the mapping, and report. Exit 0 pass, 1 violations, 2 bad
/// invocation, spec or config, 3 server unreachable.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create(CommandContext context)
    {
        var mapping = new Argument<string?>("mapping") { Arity = ArgumentArity.ZeroOrOne, Description = "The mapping whose streaming events the probe checks (none: no mapping checks)." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The server to probe (http://127.0.0.1:8000 or …/v1)." };
        var scenarios = new Option<string?>("--scenarios") { Description = "Scenario file, YAML or JSON (default: the shipped set, mapping/examples/probe/scenarios.yaml)." };
        var spec = new Option<string?>("--spec") { Description = "The OpenAPI document (YAML or JSON) whose event schemas each event is checked against (default: the built-in excerpt of OpenAI's, 2026-05-13)." };
        var record = new Option<string?>("--record") { Description = "Save each raw stream as DIR/NAME.sse with DIR/NAME.request.json." };
        var replay = new Option<string?>("--replay") { Description = "Check the *.sse recordings of DIR instead of probing a server." };
        var format = new Option<string>("--format")
        {
            Description = "Report format: " + string.Join(", ", ProbeFormatters.All.Select(f => f.Name)) + ".",
            DefaultValueFactory = _ => "text",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var authEnv = new Option<string>("--auth-env")
        {
            Description = "Environment variable holding the bearer token (never printed or saved).",
            DefaultValueFactory = _ => "OPENAI_API_KEY",
        };
        var model = new Option<string?>("--model") { Description = "Send this model name in every request." };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds per request, connect to end of stream (default 60)." };
        var maxEvents = new Option<int?>("--max-events") { Description = "Cut a stream after this many events (default 10000)." };
        var retries = new Option<int?>("--retries") { Description = "Retries on connection failure, 429 and 5xx, with exponential backoff (default 2)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight at once (default 4)." };
        var nulls = new Option<string>("--null-policy")
        {
            Description = "null sent for an optional property the spec does not type as nullable: info, error or ignore.",
            DefaultValueFactory = _ => "info",
        };

        var command = new Command("probe", "Check a running server's streams (or recorded ones) against the spec and the mapping.");
        command.Arguments.Add(mapping);
        foreach (var option in new Option[] { baseUrl, scenarios, spec, record, replay, format, output, authEnv, model, timeout, maxEvents, retries, concurrency, nulls })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Run(
            new ProbeCommandOptions(
                parse.GetValue(baseUrl), parse.GetValue(scenarios), parse.GetValue(spec), parse.GetValue(record), parse.GetValue(replay),
                parse.GetValue(format) ?? "text", parse.GetValue(output), parse.GetValue(mapping), parse.GetValue(authEnv) ?? "OPENAI_API_KEY",
                parse.GetValue(model), parse.GetValue(timeout), parse.GetValue(maxEvents), parse.GetValue(retries), parse.GetValue(concurrency),
                parse.GetValue(nulls) ?? "info"),
            context.Out, context.Error, context.WorkingDirectory));
        return command;
    }

    /// <summary>The command itself: parsed options in, exit code out; all output through the two writers.</summary>
    internal static int Run(ProbeCommandOptions options, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var formatter = ProbeFormatters.Find(options.Format);
        if (formatter is null)
        {
            return Fail(stderr, $"unknown --format '{options.Format}': use one of {string.Join(", ", ProbeFormatters.All.Select(f => f.Name))}");
        }
        if (!TryNullPolicy(options.NullPolicy, out var nullPolicy))
        {
            return Fail(stderr, $"unknown --null-policy '{options.NullPolicy}': use info, error or ignore");
        }
        if (options.Timeout is < 1 || options.MaxEvents is < 1 || options.Retries is < 0 || options.Concurrency is < 1)
        {
            return Fail(stderr, "--timeout, --max-events and --concurrency must be at least 1, --retries at least 0");
        }
        var request = new ProbeRequest(workingDirectory, options.BaseUrl, options.Replay, options.Scenarios, options.Spec, options.Mapping, options.Record,
            Environment.GetEnvironmentVariable(options.AuthEnv), options.Model,
            options.Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null, options.MaxEvents, options.Retries, options.Concurrency, nullPolicy);
        var terminal = ProbeTerminal.For(stdout, stderr, options.Output is null && formatter.Name == "text");
        ProbeOutcome outcome;
        try
        {
            outcome = terminal.Run(progress => ProbeSession.RunAsync(request, progress, CancellationToken.None));
        }
        catch (ProbeSetupException e)
        {
            return Fail(stderr, e.Message);
        }
        foreach (var path in outcome.Recorded.Where(p => p.EndsWith(".sse", StringComparison.Ordinal)))
        {
            stderr.WriteLine($"specmap: recorded {request.Display(path)}");
        }
        if (outcome.Unreachable)
        {
            stderr.WriteLine($"specmap: the server at {outcome.Result.Target} could not be reached: "
                + (outcome.Result.Scenarios.FirstOrDefault()?.TransportError ?? "no connection"));
            return ExitCodes.ServerUnreachable;
        }
        if (!terminal.ShowReport(outcome.Result))
        {
            var text = formatter.Format(outcome.Result);
            if (options.Output is { } file)
            {
                new CommandContext(stdout, stderr, workingDirectory, _ => null).Write(text, file);
                stderr.WriteLine($"specmap: {ProbeFindingText.Summary(outcome.Result)}; report written to {request.Display(file)}");
            }
            else
            {
                stdout.Write(text);
                stdout.Flush();
            }
        }
        return outcome.Result.Failed ? ExitCodes.ErrorsRemain : ExitCodes.Clean;
    }

    private static bool TryNullPolicy(string text, out NullPolicy policy) =>
        Enum.TryParse(text, ignoreCase: true, out policy) && Enum.IsDefined(policy) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"specmap: {message}");
        return ExitCodes.BadInput;
    }
}

/// <summary>The parsed options of `specmap probe`.</summary>
internal sealed record ProbeCommandOptions(
    string? BaseUrl,
    string? Scenarios,
    string? Spec,
    string? Record,
    string? Replay,
    string Format,
    string? Output,
    string? Mapping,
    string AuthEnv,
    string? Model,
    int? Timeout,
    int? MaxEvents,
    int? Retries,
    int? Concurrency,
    string NullPolicy);
