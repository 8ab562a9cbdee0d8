namespace SpecMap.Core.Outline;

/// <summary>The symbol kinds outliners report; these strings appear in `specmap outline --format json`.</summary>
internal static class SymbolKinds
{
    // Python (contract §4): functions nested in functions are "local"; class-level assignments are "field".
    public const string Class = "class";
    public const string Function = "function";
    public const string Method = "method";
    public const string Local = "local";
    public const string Field = "field";

    // C# adds these (Class, Method and Field are shared with Python).
    public const string Namespace = "namespace";
    public const string Struct = "struct";
    public const string Record = "record";
    public const string RecordStruct = "record struct";
    public const string Interface = "interface";
    public const string Enum = "enum";
    public const string EnumMember = "enum_member";
    public const string Delegate = "delegate";
    public const string Constructor = "constructor";
    public const string Destructor = "destructor";
    public const string Property = "property";
    public const string Indexer = "indexer";
    public const string Event = "event";
    public const string Operator = "operator";
    public const string Conversion = "conversion";

    // Markdown.
    public const string Heading = "heading";

    /// <summary>Kinds that can hold a model's fields (contract §4).</summary>
    public static bool IsTypeLike(string kind) =>
        kind is Class or Struct or Record or RecordStruct or Interface;
}
