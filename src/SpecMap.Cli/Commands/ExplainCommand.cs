using System.CommandLine;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap explain SMVxxxx`: print a rule's page.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "A diagnostic ID such as SMV0103." };
        var command = new Command("explain", "Print the documentation page of a diagnostic ID.");
        command.Arguments.Add(id);
        command.SetAction(parse => Run(parse.GetValue(id) ?? string.Empty));
        return command;
    }

    private static int Run(string id)
    {
        if (!RuleCatalog.TryGet(id, out var rule) || rule is null)
        {
            return CommandOutput.Fail($"unknown diagnostic ID '{id}'; IDs run {RuleCatalog.All[0].Id} to {RuleCatalog.All[^1].Id}");
        }
        Console.Out.Write(RulePages.Read(rule.Id) ?? $"{rule.Id}: {rule.Title}\n");
        return ExitCodes.Clean;
    }
}
