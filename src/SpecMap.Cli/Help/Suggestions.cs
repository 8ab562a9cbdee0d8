using System.CommandLine;
using System.CommandLine.Parsing;

namespace SpecMap.Cli.Help;

/// <summary>
/// Unknown commands and options, named with the closest known one ("did you mean 'validate'?"), as git and ruff do.
/// Arguments are paths, so a token that starts with `-` in an argument's place is an option misspelt, not a file
/// (unless it follows `--`).
/// </summary>
internal static class Suggestions
{
    /// <summary>The first unknown command or option of the parse, as one message; null when there is none.</summary>
    public static string? UnknownToken(ParseResult parse, RootCommand root)
    {
        var command = parse.CommandResult.Command;
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var argumentTokens = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value);
        var values = parse.Tokens.Select(t => t.Value).ToList();
        // The first in command-line order: `--base-ur URL` is about `--base-ur`, not the URL left over after it.
        var unknown = parse.UnmatchedTokens.Concat(argumentTokens.Where(t => t.Length > 1 && t[0] == '-' && !afterDoubleDash.Contains(t)))
            .OrderBy(t => values.IndexOf(t) is var i && i >= 0 ? i : int.MaxValue)
            .FirstOrDefault();
        if (unknown is null)
        {
            return null;
        }
        if (unknown.StartsWith('-'))
        {
            var options = CommandHelp.Walk(root).Where(c => ReferenceEquals(c, command) || ReferenceEquals(c, root))
                .SelectMany(c => c.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
            var name = unknown.Split('=', 2)[0];
            return $"unknown option '{name}'{DidYouMean(name, options)}";
        }
        return command.Subcommands.Count > 0
            ? $"unknown command '{unknown}'{DidYouMean(unknown, command.Subcommands.Select(c => c.Name))}"
            : $"unexpected argument '{unknown}'";
    }

    /// <summary>"; did you mean 'X'?" for the closest candidate within a few edits, else nothing.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $"; did you mean '{best.Name}'?";
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent swaps: `valdiate` is one edit).</summary>
    private static int Distance(string a, string b)
    {
        var d = Enumerable.Range(0, a.Length + 1).Select(_ => new int[b.Length + 1]).ToArray();
        for (var i = 0; i <= a.Length; i++)
        {
            d[i][0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0][j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.Min(Math.Min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i][j] = Math.Min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.Length][b.Length];
    }
}
