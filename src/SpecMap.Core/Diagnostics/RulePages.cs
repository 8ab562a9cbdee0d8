namespace SpecMap.Core.Diagnostics;

/// <summary>The rule pages (docs/rules/SMVxxxx.md), embedded in the engine so an installed tool can print them.</summary>
internal static class RulePages
{
    public static string? Read(string id)
    {
        using var stream = typeof(RulePages).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
