using System.CommandLine;
using SpecMap.Cli.Terminal;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.Mapping;
using SpecMap.Core.Output;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap validate [MAPPING...]`: check every reference of the mappings (contract §2).</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandContext context)
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
        command.SetAction(parse => Run(context, ValidateOptions.Default with
        {
            Mappings = parse.GetValue(mappings) ?? [],
            Repo = parse.GetValue(repo),
            Against = parse.GetValue(against),
            Fix = parse.GetValue(fix),
            Diff = parse.GetValue(diff),
            Staged = parse.GetValue(staged),
            Format = parse.GetValue(format) ?? ValidateOptions.Default.Format,
            Output = parse.GetValue(output),
            WarningsAsErrors = parse.GetValue(warningsAsErrors),
            Config = parse.GetValue(config),
        }));
        return command;
    }

    internal static int Run(CommandContext context, ValidateOptions options)
    {
        var formatter = ReportFormatters.Find(options.Format);
        if (formatter is null)
        {
            return context.Fail($"unknown --format '{options.Format}': use one of {string.Join(", ", ReportFormatters.All.Select(f => f.Name))}");
        }
        if (context.OutputProblem(options.Output) is { } outputProblem)
        {
            return context.Fail(outputProblem);
        }
        if (options.Against is { } revision && AgainstProblem(revision) is { } againstProblem)
        {
            return context.Fail(againstProblem);
        }
        if (options.Staged && options.Against is not null)
        {
            return context.Fail("--staged and --against cannot be combined: choose the index or a commit");
        }
        // Inside a hook git names the index being committed (`commit -a` and `commit PATHS` use a temporary one).
        var indexFile = options.Staged && context.Environment("GIT_INDEX_FILE") is { Length: > 0 } index
            ? context.FullPath(index)
            : null;
        var request = new ValidationRequest(context.WorkingDirectory, [.. options.Mappings], options.Repo, options.Against,
            options.Staged, options.Config, indexFile);
        var (report, failure) = Validate(context, request);
        if (report is null)
        {
            return failure;
        }
        if (!options.Fix && !options.Diff)
        {
            WriteReport(context, formatter, report, options.Output);
            return ExitFor(report, options);
        }
        return options.Fix ? Fix(context, options, formatter, request, report) : Diff(context, options, formatter, report);
    }

    /// <summary>`--diff` alone: the patch on stdout (so it pipes into `git apply`), the report on stderr or `--output`; nothing changes.</summary>
    private static int Diff(CommandContext context, ValidateOptions options, IReportFormatter formatter, ValidationReport report)
    {
        var session = OpenFixSession(report);
        context.Out.Write(session.Diff(session.Plan(report)));
        context.Out.Flush();
        WriteReportAside(context, formatter, report, options.Output);
        return ExitFor(report, options);
    }

    /// <summary>
    /// `--fix`: writes every applicable fix, then validates again and reports what remains; exit 0 only when no error
    /// is left. With `--diff` the applied fixes are also printed as a patch (stdout) and the report moves aside.
    /// </summary>
    private static int Fix(CommandContext context, ValidateOptions options, IReportFormatter formatter, ValidationRequest request, ValidationReport report)
    {
        var session = OpenFixSession(report);
        var fixes = session.Plan(report);
        var results = fixes.Select(session.Write).ToList();
        var blocked = false;
        foreach (var result in results)
        {
            var path = result.Fix.Report.Path;
            switch (result.Outcome)
            {
                case FixWriteOutcome.Written or FixWriteOutcome.WrittenAndStaged when !context.Style.Quiet:
                    context.Error.WriteLine($"specmap: {path}: {Summary(result.Fix)}{(result.Outcome == FixWriteOutcome.WrittenAndStaged ? " (staged)" : string.Empty)}");
                    break;
                case FixWriteOutcome.Refused:
                    blocked = true;
                    context.Error.WriteLine($"specmap: {path}: {result.Message}");
                    context.Error.Write(session.Diff([result.Fix]));
                    break;
                case FixWriteOutcome.Failed:
                    blocked = true;
                    context.Error.WriteLine($"specmap: {path}: {result.Message}");
                    break;
            }
        }
        if (options.Diff)
        {
            context.Out.Write(session.Diff(results.Where(r => r.Outcome is FixWriteOutcome.Written or FixWriteOutcome.WrittenAndStaged).Select(r => r.Fix)));
            context.Out.Flush();
        }
        var (after, failure) = results.Any(r => r.Outcome is FixWriteOutcome.Written or FixWriteOutcome.WrittenAndStaged)
            ? Validate(context, request)
            : (report, ExitCodes.Clean);
        if (after is null)
        {
            return failure;
        }
        if (options.Diff)
        {
            WriteReportAside(context, formatter, after, options.Output);
        }
        else
        {
            WriteReport(context, formatter, after, options.Output);
        }
        return blocked ? ExitCodes.ErrorsRemain : ExitFor(after, options);
    }

    private static string Summary(FileFix fix)
    {
        var fixedCount = fix.Fixed.Length;
        var parts = new List<string>();
        if (fixedCount > 0)
        {
            parts.Add($"fixed {fixedCount} {(fixedCount == 1 ? "problem" : "problems")}");
        }
        if (fix.VerifiedAtSet)
        {
            parts.Add("recorded verified_at");
        }
        if (fix.Skipped.Length > 0)
        {
            parts.Add($"{fix.Skipped.Length} conflicting {(fix.Skipped.Length == 1 ? "fix" : "fixes")} left out");
        }
        return string.Join(", ", parts);
    }

    /// <summary>The report to stdout or `--output`; the text format in colour when stdout is a terminal that wants it.</summary>
    private static void WriteReport(CommandContext context, IReportFormatter formatter, ValidationReport report, string? output)
    {
        if (output is null && formatter.Name == "text" && context.Style.Colour)
        {
            context.RawOut.Write(ColouredReport.Paint(TerminalSafeWriter.Escape(formatter.Format(report))));
            context.RawOut.Flush();
            return;
        }
        context.Write(writer => formatter.Write(report, ReportStatistics.Of(report), writer), output);
    }

    /// <summary>The report when stdout carries a patch: to `--output`, else as text on stderr.</summary>
    private static void WriteReportAside(CommandContext context, IReportFormatter formatter, ValidationReport report, string? output)
    {
        if (output is not null)
        {
            context.Write(formatter.Format(report), output);
            return;
        }
        context.Error.Write((ReportFormatters.Find("text") ?? formatter).Format(report));
    }

    /// <summary>A revision no commit can have: empty or with control characters (git would refuse them too).</summary>
    private static string? AgainstProblem(string revision) =>
        revision.Trim().Length == 0 ? "--against: the revision is empty; name a commit (a branch, tag or commit id)"
        : revision.Any(char.IsControl) ? "--against: the revision holds control characters; name a commit"
        : null;

    private static int ExitFor(ValidationReport report, ValidateOptions options)
    {
        var failing = report.HasErrors || (options.WarningsAsErrors && report.Count(Severity.Warning) > 0);
        return failing ? ExitCodes.ErrorsRemain : ExitCodes.Clean;
    }

    /// <summary>The one place `--fix` and `--diff` open the fixer on the mappings the request validated.</summary>
    private static FixSession OpenFixSession(ValidationReport report) => new(report.Repository);

    private static (ValidationReport? Report, int ExitCode) Validate(CommandContext context, ValidationRequest request)
    {
        try
        {
            using var progress = context.Style.Progress ? new ProgressLine(context.RawError) : null;
            return (new Validator { Progress = progress }.Validate(request), ExitCodes.Clean);
        }
        catch (ValidationSetupException e)
        {
            return (null, context.Fail(e.Message));
        }
        catch (MappingReadException e) when (e.Location is { } at)
        {
            context.Error.WriteLine($"{at.Path}({at.Line},{at.Column}): error {e.RuleId}: {e.Message}");
            return (null, ExitCodes.BadInput);
        }
        catch (MappingReadException e)
        {
            return (null, context.Fail(e.Message));
        }
    }
}
