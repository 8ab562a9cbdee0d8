using System.Globalization;
using Humanizer;

namespace SpecMap.Core.Diagnostics;

/// <summary>Words diagnostic messages share, so every rule counts, lists and places things the same way
/// (docs/rule-messages.md: what is wrong, where, and what to do, in one sentence).</summary>
internal static class MessageText
{
    /// <summary>What to do about a finding whose fix `--fix` applies.</summary>
    public const string RunFix = "run `specmap validate --fix` to update the reference";

    /// <summary>What to do about a moved reference that `--fix` leaves alone (a guess below the threshold, a shared line list).</summary>
    public const string FixByHand = "check the new place and update the reference by hand";

    /// <summary>"line 5" or "lines 5-9".</summary>
    public static string Lines(int start, int end) => start == end ? $"line {Number(start)}" : $"lines {Number(start)}-{Number(end)}";

    /// <summary>"1 line", "3 lines": Humanizer's English inflection, so no message says "1 lines".</summary>
    public static string Count(int count, string noun) => noun.ToQuantity(count);

    /// <summary>"a", "a and b", "a, b and c". Joined here rather than by Humanizer's collection formatter, which follows the
    /// machine's UI culture (an Oxford comma under en-US), so the output would differ from machine to machine.</summary>
    public static string List(IEnumerable<string> items, string conjunction = "and")
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} {conjunction} {all[^1]}";
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
