namespace SpecMap.Core.Contracts.Python;

/// <summary>
/// Bases outside the repository that give a model no fields of its own (`pydantic.BaseModel`, `TypedDict`, `Enum`, builtins).
/// Any other base the repository does not define (`openai.types.BaseModel`, an installed SDK's class) may declare
/// fields specmap cannot see, so a field absent from the model is "not checked" rather than missing.
/// </summary>
internal static class FieldlessBases
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "object", "BaseModel", "RootModel", "TypedDict", "NamedTuple", "Generic", "Protocol", "ABC", "Enum", "StrEnum", "IntEnum", "Flag",
        "IntFlag", "ReprEnum", "str", "int", "float", "bool", "bytes", "dict", "list", "set", "frozenset", "tuple", "Dict", "List", "Exception",
        "BaseException", "Struct", "BaseSettings", "GenericModel",
    };

    private static readonly string[] Modules =
        ["pydantic", "pydantic_settings", "typing", "typing_extensions", "abc", "enum", "dataclasses", "msgspec", "attrs", "attr", "collections", "builtins"];

    /// <summary>True when <paramref name="baseName"/>, as written in a module with <paramref name="imports"/>, is known to add no fields.</summary>
    public static bool Declares(IReadOnlyDictionary<string, PythonImport> imports, string baseName)
    {
        var dot = baseName.LastIndexOf('.');
        var simple = baseName[(dot + 1)..];
        if (!Names.Contains(simple))
        {
            return false;
        }
        if (dot < 0)
        {
            // Imported under this name: from where? Not imported: a builtin, or a star import of a framework.
            return !imports.TryGetValue(baseName, out var import) || IsFramework(import.Module);
        }
        var prefix = baseName[..dot];
        var head = prefix.Split('.')[0];
        return imports.TryGetValue(head, out var alias) ? IsFramework(alias.Name is null ? alias.Module : $"{alias.Module}.{alias.Name}") : IsFramework(prefix);
    }

    private static bool IsFramework(string moduleName)
    {
        var top = moduleName.TrimStart('.').Split('.')[0];
        return !moduleName.StartsWith('.') && Modules.Contains(top, StringComparer.Ordinal);
    }
}
