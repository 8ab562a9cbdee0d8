using System.CommandLine;
using System.Text;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap explain SMVxxxx`: print a rule's page (docs/rules/SMVxxxx.md, embedded); without an ID, list the rules.</summary>
internal static class ExplainCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string?>("id")
        {
            Description = "A diagnostic ID such as SMV0103 (case-insensitive); omit it to list every rule.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("explain", "Print the documentation page of a diagnostic ID, or list the rules.");
        command.Arguments.Add(id);
        command.SetAction(parse => Run(context, parse.GetValue(id)));
        return command;
    }

    private static int Run(CommandContext context, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            context.Out.Write(List());
            return ExitCodes.Clean;
        }
        if (!RuleCatalog.TryGet(id.Trim(), out var rule) || rule is null)
        {
            return context.Fail($"unknown diagnostic ID '{id}'; run 'specmap explain' to list the rules");
        }
        context.Out.Write(RulePages.Read(rule.Id) ?? $"# {rule.Id}: {rule.Title}\n");
        return ExitCodes.Clean;
    }

    /// <summary>One line per rule: ID, default severity, fix safety, title.</summary>
    private static string List()
    {
        var text = new StringBuilder();
        foreach (var rule in RuleCatalog.All)
        {
            text.Append(rule.Id).Append("  ").Append(rule.DefaultSeverity.ToName().PadRight(7)).Append("  fix: ")
                .Append(rule.Fix.ToString().ToLowerInvariant().PadRight(6)).Append("  ").Append(rule.Title).Append('\n');
        }
        return text.ToString();
    }
}
