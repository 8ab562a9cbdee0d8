using System.Collections.Immutable;

namespace SpecMap.Core.Contracts;

/// <summary>One field of a model class as the code declares it.</summary>
/// <param name="Name">The name in code (`item_id`, `ItemId`).</param>
/// <param name="WireName">The explicit JSON name (`Field(alias=...)`, `[JsonPropertyName]`), or null.</param>
/// <param name="TypeText">The type as written, whitespace collapsed (shown in SMV0304 messages).</param>
/// <param name="Shape">What the type can hold, resolved in the file that declares the field.</param>
/// <param name="HasDefault">Not required on input; still present on output.</param>
/// <param name="File">The repository path of the declaring file (base classes may live elsewhere).</param>
internal sealed record ModelField(string Name, string? WireName, string TypeText, CodeShape Shape, bool HasDefault, string File, int Line);

/// <summary>How a model's code names become JSON names when no explicit wire name is given.</summary>
internal enum NamePolicy
{
    /// <summary>Exactly the code name (Python without an alias generator).</summary>
    Exact,

    /// <summary>Unknown naming policy (C# serializer options, a non-literal alias generator): case and `_` are ignored.</summary>
    Loose,
}

/// <summary>A model class with its own and inherited fields (own fields first; a subclass field hides its base's).</summary>
/// <param name="Unseen">Base classes defined outside the repository (an installed SDK's class) whose fields cannot be read.</param>
internal sealed record ModelClass(string Name, string File, int Line, ImmutableArray<ModelField> Fields, NamePolicy Policy, Func<string, string>? AliasGenerator,
    ImmutableArray<string> Unseen = default)
{
    /// <summary>Bases (its own or its bases') outside the repository: a field absent from <see cref="Fields"/> may come from them.</summary>
    public ImmutableArray<string> UnseenBases => Unseen.IsDefault ? [] : Unseen;

    /// <summary>The field the spec's <paramref name="wireName"/> names, or null when the model has none.</summary>
    public ModelField? Find(string wireName)
    {
        foreach (var field in Fields)
        {
            if (field.WireName == wireName)
            {
                return field;
            }
        }
        foreach (var field in Fields)
        {
            if (field.WireName is null && (field.Name == wireName || (AliasGenerator is not null && AliasGenerator(field.Name) == wireName)))
            {
                return field;
            }
        }
        if (Policy == NamePolicy.Loose)
        {
            var key = Loose(wireName);
            // An explicit wire name is definitive; only the code name is subject to the unknown policy.
            return Fields.FirstOrDefault(f => Loose(f.WireName ?? f.Name) == key);
        }
        // pydantic writes the name, not the alias, unless dumped by_alias (FastAPI does): accept either.
        return Fields.FirstOrDefault(f => f.Name == wireName);
    }

    public static string Loose(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
