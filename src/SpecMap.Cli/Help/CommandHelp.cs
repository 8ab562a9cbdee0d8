using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using SpecMap.Core.Output;
using SpecMap.Core.Probe.Reports;

namespace SpecMap.Cli.Help;

/// <summary>
/// What `--help` shows beyond the options: placeholders that say what a value is, and the examples, exit codes and
/// environment variables of each command (as git's and ruff's pages do).
/// </summary>
internal static class CommandHelp
{
    /// <summary>The value each option takes, by option name; `--format` depends on the command.</summary>
    private static readonly Dictionary<string, string> s_placeholders = new(StringComparer.Ordinal)
    {
        ["--repo"] = "DIR", ["--against"] = "REV", ["--output"] = "FILE", ["--config"] = "FILE", ["--record"] = "DIR",
        ["--replay"] = "DIR", ["--scenarios"] = "FILE", ["--spec"] = "FILE", ["--base-url"] = "URL", ["--model"] = "NAME",
        ["--timeout"] = "SECONDS", ["--max-events"] = "N", ["--retries"] = "N", ["--concurrency"] = "N",
        ["--null-policy"] = "info|error|ignore", ["--auth-env"] = "VAR", ["--events"] = "NAMES", ["--endpoints"] = "ENDPOINTS",
        ["--cache"] = "DIR", ["--color"] = "auto|always|never", ["--filter"] = "PREFIX",
    };

    private static readonly Dictionary<string, string[]> s_examples = new(StringComparer.Ordinal)
    {
        ["specmap"] =
        [
            "specmap demo                       see a drifted mapping caught, in a temp folder",
            "specmap validate                   check every mapping of the repository",
            "specmap validate --fix             fix what can be fixed safely, report the rest",
            "specmap explain SMV0104            what a diagnostic means and what to do",
        ],
        ["validate"] =
        [
            "specmap validate                                  every mapping the repository has",
            "specmap validate SPEC_TO_CODE_MAPPING.json --diff  the fixes as a patch (pipe into git apply)",
            "specmap validate --fix                            apply the safe fixes in place",
            "specmap validate --against origin/main            check against a commit, not the work tree",
            "specmap validate --format sarif -o specmap.sarif  a report for code scanning",
            "specmap validate --format html -o report.html     a page to read in a browser",
        ],
        ["outline"] = ["specmap outline src/api_server.py    declarations with their line ranges"],
        ["explain"] = ["specmap explain                       list the rules", "specmap explain SMV0104               one rule's page"],
        ["demo"] = ["specmap demo --keep                   keep the demo repository to try --diff and --fix in it"],
        ["spec-diff"] = ["specmap spec-diff OLD.yaml NEW.yaml   field-level differences for the mapped items"],
        ["init"] =
        [
            "specmap init --spec specs/openapi.yaml --filter /responses -o SPEC_TO_CODE_MAPPING.json  scaffold a mapping",
            "specmap init --spec specs/openapi.yaml                                                 print the scaffold on stdout",
            "specmap init --update                                                                  add what the mapping lacks",
            "specmap init --update api.specmap.json                                                 the same, for another mapping",
        ],
        ["probe"] =
        [
            "specmap probe --base-url http://127.0.0.1:8000 SPEC_TO_CODE_MAPPING.json",
            "specmap probe --replay recordings/ SPEC_TO_CODE_MAPPING.json --format junit -o probe.xml",
        ],
    };

    private static readonly string[] s_exitCodes =
    [
        "0   no errors (warnings allowed)",
        "1   errors remain (with --fix: errors that could not be fixed)",
        "2   bad invocation or unreadable input (the message says which)",
        "70  specmap itself failed: a bug, not a finding (--verbose shows the trace)",
        "141 the reader of the output went away (specmap ... | head); nothing more is written",
    ];

    private static readonly string[] s_environment =
    [
        "NO_COLOR        set and not empty: no colour (--color always still colours)",
        "SPECMAP         the command the pre-commit hook runs instead of `specmap` on PATH",
        "GIT_INDEX_FILE  with --staged: the index git is committing (git sets it in hooks)",
    ];

    /// <summary>Placeholders on every option of the tree, and the extra sections in the help action's layout.</summary>
    public static void Configure(RootCommand root)
    {
        foreach (var command in Walk(root))
        {
            foreach (var option in command.Options)
            {
                option.HelpName ??= Placeholder(command.Name, option.Name);
            }
            foreach (var argument in command.Arguments.Where(a => a.HelpName is null))
            {
                argument.HelpName = argument.Name.ToUpperInvariant();
            }
        }
        // System.CommandLine's help layout is internal: its help action runs first, then the sections are appended.
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is SynchronousCommandLineAction original)
            {
                if (original is HelpAction help)
                {
                    // One width whatever the terminal: the page reads the same everywhere and its snapshots hold.
                    help.MaxWidth = 120;
                }
                option.Action = new HelpWithSections(original);
            }
        }
        // `--version` prints the version every report carries, not the entry assembly's (testhost's, in tests).
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion();
        }
    }

    /// <summary>Every command of the tree, root first.</summary>
    public static IEnumerable<Command> Walk(Command command) => [command, .. command.Subcommands.SelectMany(Walk)];

    /// <summary>The command as typed: `specmap validate`.</summary>
    public static string PathOf(Command command, RootCommand root) =>
        ReferenceEquals(command, root) ? "specmap" : "specmap " + string.Join(' ', PathFrom(root, command) ?? [command.Name]);

    private static List<string>? PathFrom(Command from, Command target)
    {
        foreach (var sub in from.Subcommands)
        {
            if (ReferenceEquals(sub, target))
            {
                return [sub.Name];
            }
            if (PathFrom(sub, target) is { } rest)
            {
                return [sub.Name, .. rest];
            }
        }
        return null;
    }

    private static string? Placeholder(string command, string option) => option switch
    {
        "--format" => command switch
        {
            "validate" => string.Join('|', ReportFormatters.All.Select(f => f.Name)),
            "probe" => string.Join('|', ProbeFormatters.All.Select(f => f.Name)),
            _ => "text|json",
        },
        _ => s_placeholders.GetValueOrDefault(option),
    };

    private static void WriteSections(Command command, TextWriter output)
    {
        var name = command is RootCommand ? "specmap" : command.Name;
        if (s_examples.TryGetValue(name, out var examples))
        {
            Section(output, "Examples:", Aligned(examples));
        }
        var exitCodes = name is "specmap" or "probe"
            ? [.. s_exitCodes[..3], "3   probe: no scenario could reach the server", s_exitCodes[3]]
            : s_exitCodes;
        Section(output, "Exit codes:", exitCodes);
        Section(output, "Environment:", name is "validate" or "specmap" ? s_environment : s_environment[..1]);
        if (command is RootCommand)
        {
            output.WriteLine("Run 'specmap COMMAND --help' for a command's options, 'specmap explain ID' for a rule.");
            output.WriteLine();
        }
    }

    /// <summary>The notes after each example (two spaces or more) in one column.</summary>
    private static IEnumerable<string> Aligned(string[] examples)
    {
        var split = examples.Select(e => e.Split("  ", 2, StringSplitOptions.TrimEntries)).ToList();
        var width = split.Where(p => p.Length == 2).Select(p => p[0].Length).DefaultIfEmpty(0).Max() + 2;
        return split.Select(p => p.Length == 2 ? p[0].PadRight(width) + p[1] : p[0]);
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
        output.WriteLine();
    }

    /// <summary>The help page plus the sections; also how the CLI knows help was asked for (parse errors then wait).</summary>
    internal sealed class HelpWithSections(SynchronousCommandLineAction original) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = original.Invoke(parseResult);
            WriteSections(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return exit;
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.Version);
            return 0;
        }
    }
}
