namespace SpecMap.Cli.Commands;

/// <summary>The parsed options of `specmap validate`: start from <see cref="Default"/> and set what differs with `with`.</summary>
internal sealed record ValidateOptions
{
    /// <summary>`specmap validate` with no arguments: discover the mappings, check the work tree, print text.</summary>
    public static ValidateOptions Default { get; } = new();

    /// <summary>Mapping files as written; empty means discover them.</summary>
    public IReadOnlyList<string> Mappings { get; init; } = [];

    public string? Repo { get; init; }

    public string? Against { get; init; }

    public bool Fix { get; init; }

    public bool Diff { get; init; }

    public bool Staged { get; init; }

    public string Format { get; init; } = "text";

    public string? Output { get; init; }

    public bool WarningsAsErrors { get; init; }

    public string? Config { get; init; }
}
