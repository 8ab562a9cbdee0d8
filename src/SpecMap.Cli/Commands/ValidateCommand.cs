using System.CommandLine;
using SpecMap.Core.Mapping;
using SpecMap.Core.Output;
using SpecMap.Core.Validation;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap validate [MAPPING...]`: check every reference of the mappings (contract §2).</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var mappings = new Argument<string[]>("mapping")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Mapping files; none: discover SPEC_TO_CODE_MAPPING.json and *.specmap.json in the repository.",
        };
        var repo = new Option<string?>("--repo") { Description = "The repository (default: the git top-level of the current directory)." };
        var against = new Option<string?>("--against") { Description = "Check against the tree of this commit instead of the work tree." };
        var fix = new Option<bool>("--fix") { Description = "Apply every safe fix to the mapping in place." };
        var diff = new Option<bool>("--diff") { Description = "Print the fixes as a unified diff; change nothing." };
        var staged = new Option<bool>("--staged") { Description = "Validate what is staged in the index (pre-commit)." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", ReportFormatters.All.Select(f => f.Name)) + ".",
            DefaultValueFactory = _ => "text",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Treat warnings as errors (exit 1)." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: .specmap.json at the repository root)." };

        var command = new Command("validate", "Check every code and doc reference of the mapping files against the repository.");
        command.Arguments.Add(mappings);
        foreach (var option in new Option[] { repo, against, fix, diff, staged, format, output, warningsAsErrors, config })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Run(new ValidateOptions(
            parse.GetValue(mappings) ?? [],
            parse.GetValue(repo),
            parse.GetValue(against),
            parse.GetValue(fix),
            parse.GetValue(diff),
            parse.GetValue(staged),
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(warningsAsErrors),
            parse.GetValue(config))));
        return command;
    }

    internal static int Run(ValidateOptions options)
    {
        var formatter = ReportFormatters.Find(options.Format);
        if (formatter is null)
        {
            return CommandOutput.Fail($"unknown --format '{options.Format}': use one of {string.Join(", ", ReportFormatters.All.Select(f => f.Name))}");
        }
        if (options.Staged && options.Against is not null)
        {
            return CommandOutput.Fail("--staged and --against cannot be combined: choose the index or a commit");
        }
        ValidationReport report;
        try
        {
            var request = new ValidationRequest(Directory.GetCurrentDirectory(), [.. options.Mappings], options.Repo, options.Against,
                options.Staged, options.Config);
            report = new Validator().Validate(request);
        }
        catch (ValidationSetupException e)
        {
            return CommandOutput.Fail(e.Message);
        }
        catch (MappingReadException e) when (e.Location is { } at)
        {
            Console.Error.WriteLine($"{at.Path}({at.Line},{at.Column}): error {e.RuleId}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (MappingReadException e)
        {
            return CommandOutput.Fail(e.Message);
        }
        CommandOutput.Write(formatter.Format(report), options.Output);
        var failing = report.HasErrors || (options.WarningsAsErrors && report.Count(SpecMap.Core.Diagnostics.Severity.Warning) > 0);
        return failing ? ExitCodes.ErrorsRemain : ExitCodes.Clean;
    }
}

/// <summary>The parsed options of `specmap validate`.</summary>
internal sealed record ValidateOptions(
    IReadOnlyList<string> Mappings,
    string? Repo,
    string? Against,
    bool Fix,
    bool Diff,
    bool Staged,
    string Format,
    string? Output,
    bool WarningsAsErrors,
    string? Config);
