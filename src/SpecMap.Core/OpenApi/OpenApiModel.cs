using System.Collections.Immutable;
using SpecMap.Core.Contracts;

namespace SpecMap.Core.OpenApi;

/// <summary>A property of a schema as the checks need it.</summary>
/// <param name="Type">The property's type in the contract's type language (<see cref="SpecType"/>), so
/// <see cref="TypeCompatibility"/> can compare it with a code model's field.</param>
/// <param name="Schemas">Keys of the object schemas the type reaches (directly, through array items, map values or
/// union options), for following nested models: `logprobs: array&lt;object&gt;` gives `["ResponseLogProb"]`.</param>
/// <param name="Defined">False for a name the schema's `required` lists without defining a property for it (OpenAI's
/// audio events require `response_id` and define none): its type is unknown, and the gap is the spec's.</param>
internal sealed record SpecField(string Name, bool Required, SpecType Type, ImmutableArray<string> Schemas, bool Defined = true)
{
    /// <summary>The type as the contract writes it: `string`, `array&lt;object&gt;`, `string?`.</summary>
    public string TypeText => SpecTypeParser.Describe(Type);
}

/// <summary>An object schema flattened: its own properties, those of its `allOf` parts, and the required flags.</summary>
/// <param name="Key">`ResponseTextDeltaEvent` for `#/components/schemas/ResponseTextDeltaEvent`; inline objects get a
/// path under their parent (`Response.usage`, `ResponseTextDeltaEvent.logprobs[]`).</param>
/// <param name="Variants">For a union schema (`anyOf`/`oneOf` of objects): the keys of its object options.</param>
internal sealed record SpecSchema(string Key, ImmutableArray<SpecField> Fields, ImmutableArray<string> Variants)
{
    public SpecField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }
        return null;
    }
}

/// <summary>One member of a `text/event-stream` response union, named by its discriminator (`type`) value.</summary>
internal sealed record SpecStreamEvent(string Name, string Schema);

/// <summary>An operation: method (upper case) and path as the document writes it (`/responses/{response_id}`).</summary>
/// <param name="RequestSchema">The key of the JSON request body's schema, when there is one.</param>
/// <param name="StreamEvents">The members of its `text/event-stream` response, sorted by name.</param>
internal sealed record SpecEndpoint(string Method, string Path, string? RequestSchema, ImmutableArray<SpecStreamEvent> StreamEvents)
{
    public string Name => $"{Method} {Path}";
}
