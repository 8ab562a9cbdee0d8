namespace SpecMap.Core.Outline;

/// <summary>Turns one file's text into its declarations. Implementations are pure and thread-safe.</summary>
/// <remarks>Each is registered, with its language's model reader if any, in <see cref="Languages.LanguageRegistry"/>.</remarks>
internal interface IOutliner
{
    /// <summary>`python`, `csharp` or `markdown`.</summary>
    string Language { get; }

    /// <summary>File extensions (with dot, lower case) this outliner reads.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    SourceOutline Outline(string path, string text);

    /// <summary>Why this text is not outlined (it exceeds what the parser is given; its outline is then empty), as
    /// "it …"; null when it is outlined.</summary>
    string? WhyNotOutlined(string text) => null;
}
