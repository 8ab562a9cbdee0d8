using System.Collections.Concurrent;
using System.Globalization;
using SpecMap.Cli.Terminal;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Reports;
using SpecMap.Core.Probe.Transport;
using Spectre.Console;

namespace SpecMap.Cli.Commands;

/// <summary>
/// What a person at a terminal sees of `specmap probe`: a live progress display (stderr) while the scenarios run and,
/// for the text format on a terminal, tables instead of the MSBuild lines. Without a TTY, with NO_COLOR or
/// TERM=dumb, or with writers that are not the console, it shows nothing extra and every format is written as is.
/// </summary>
internal sealed class ProbeTerminal
{
    private readonly IAnsiConsole? _progressConsole;
    private readonly IAnsiConsole? _reportConsole;

    private ProbeTerminal(IAnsiConsole? progressConsole, IAnsiConsole? reportConsole)
    {
        _progressConsole = progressConsole;
        _reportConsole = reportConsole;
    }

    /// <param name="textToStdout">The report is the text format going to stdout, so tables may replace it on a terminal.</param>
    public static ProbeTerminal For(TextWriter stdout, TextWriter stderr, bool textToStdout)
    {
        var plain = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } || Environment.GetEnvironmentVariable("TERM") == "dumb";
        // The process's own streams seen through the escaping wrapper; Spectre writes its codes to the raw writer.
        var errIsTerminal = !plain && ConsoleStreams.IsTerminalError(stderr);
        var outIsTerminal = !plain && textToStdout && ConsoleStreams.IsTerminalOut(stdout);
        return new ProbeTerminal(errIsTerminal ? Create(TerminalSafeWriter.Unwrap(stderr)) : null,
            outIsTerminal ? Create(TerminalSafeWriter.Unwrap(stdout)) : null);
    }

    private static IAnsiConsole Create(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });

    public T Run<T>(Func<IProgress<ScenarioProgress>?, Task<T>> work)
    {
        if (_progressConsole is null)
        {
            return work(null).GetAwaiter().GetResult();
        }
        var updates = new ConcurrentQueue<ScenarioProgress>();
        var sink = new Progress(updates);
        return _progressConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var running = work(sink);
                while (true)
                {
                    while (updates.TryDequeue(out var update))
                    {
                        if (!tasks.TryGetValue(update.Scenario, out var task))
                        {
                            task = context.AddTask(update.Scenario, autoStart: true).IsIndeterminate();
                            tasks[update.Scenario] = task;
                        }
                        var state = update.Problem is { } problem ? $"[red]{Markup.Escape(problem)}[/]" : update.Finished ? "[green]done[/]" : "[grey]streaming[/]";
                        task.Description = $"{Markup.Escape(update.Scenario),-24} {update.Events.ToString(CultureInfo.InvariantCulture),6} events  {state}";
                        if (update.Finished)
                        {
                            task.IsIndeterminate(false).Value(task.MaxValue).StopTask();
                        }
                    }
                    if (running.IsCompleted)
                    {
                        return await running.ConfigureAwait(false);
                    }
                    await Task.WhenAny(running, Task.Delay(100)).ConfigureAwait(false);
                }
            }).GetAwaiter().GetResult();
    }

    /// <returns>True when the report was shown as tables (so the text format is not written again).</returns>
    public bool ShowReport(ProbeResult result)
    {
        if (_reportConsole is not { } console)
        {
            return false;
        }
        var scenarios = new Table().Border(TableBorder.Rounded).Title("[bold]Scenarios[/]")
            .AddColumn("scenario").AddColumn(new TableColumn("status").RightAligned()).AddColumn(new TableColumn("events").RightAligned()).AddColumn("transport");
        foreach (var s in result.Scenarios)
        {
            scenarios.AddRow(Markup.Escape(s.Name), s.Status?.ToString(CultureInfo.InvariantCulture) ?? "-", s.Events.ToString(CultureInfo.InvariantCulture),
                s.TransportError is { } problem ? $"[red]{Markup.Escape(problem)}[/]" : "[green]ok[/]");
        }
        console.Write(scenarios);
        var coverage = new Table().Border(TableBorder.Rounded).Title("[bold]Coverage[/]")
            .AddColumn("event").AddColumn(new TableColumn("seen").RightAligned()).AddColumn(new TableColumn("mapped").Centered())
            .AddColumn(new TableColumn("implemented").Centered()).AddColumn(new TableColumn("in spec").Centered());
        foreach (var row in result.Report.Coverage.Where(r => r.Seen > 0 || r.Mapped))
        {
            var name = Markup.Escape(row.EventType);
            coverage.AddRow(row.MarkedImplemented && row.Seen == 0 || row.Seen > 0 && !row.Mapped ? $"[yellow]{name}[/]" : name,
                row.Seen.ToString(CultureInfo.InvariantCulture), Tick(row.Mapped), Tick(row.MarkedImplemented), Tick(row.InSpec));
        }
        console.Write(coverage);
        if (result.Report.Coverage.Count(r => r.Seen == 0 && !r.Mapped) is > 0 and var specOnly)
        {
            console.MarkupLine($"[grey]and {specOnly.ToString(CultureInfo.InvariantCulture)} more events the spec declares, neither seen nor mapped (all in --format html or json)[/]");
        }
        var findings = result.OrderedFindings().ToList();
        if (findings.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Findings[/]")
                .AddColumn("severity").AddColumn("rule").AddColumn("where").AddColumn("finding");
            foreach (var f in findings)
            {
                var (path, line) = result.LocationOf(f);
                table.AddRow(Severity(f.Severity), Markup.Escape(f.RuleId), Markup.Escape($"{path}:{line}"), Markup.Escape(f.Message));
            }
            console.Write(table);
        }
        console.MarkupLine((result.Failed ? "[red bold]failed[/]: " : "[green bold]passed[/]: ") + Markup.Escape(ProbeFindingText.Summary(result)));
        return true;
    }

    private static string Tick(bool yes) => yes ? "[green]✓[/]" : "[grey]–[/]";

    private static string Severity(Severity severity) => severity switch
    {
        Core.Diagnostics.Severity.Error => "[red]error[/]",
        Core.Diagnostics.Severity.Warning => "[yellow]warning[/]",
        _ => "[blue]info[/]",
    };

    /// <summary>Queues updates from the request threads; the display loop drains them on its own thread.</summary>
    private sealed class Progress(ConcurrentQueue<ScenarioProgress> updates) : IProgress<ScenarioProgress>
    {
        public void Report(ScenarioProgress value) => updates.Enqueue(value);
    }
}
