using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Probe;

/// <summary>
/// Reads the model class a mapped event names (`"model": "PATH#Class"`) from the work tree holding the mapping, so the
/// checks can compare live payloads with the model and name its `file:line`.
/// </summary>
internal static class ProbeModels
{
    public static Func<string, ModelClass?> Reader(MappingDocument mapping, string fallbackRoot)
    {
        var root = RepositoryRoot(mapping.FullPath) ?? fallbackRoot;
        var tree = new WorkTreeSource(root);
        var python = new PythonModelReader(tree);
        var csharp = new CSharpModelReader(tree);
        return pointer =>
        {
            if (mapping.At(JsonPointer.Append(pointer, "model")) is not JsonStringNode text
                || CompactReference.TryParse(text.Value) is not { Fragment: { Length: > 0 } className } reference)
            {
                return null;
            }
            return reference.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) ? python.Read(reference.Path, className)
                : reference.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? csharp.Read(reference.Path, className)
                : null;
        };
    }

    /// <summary>The nearest folder above the mapping with a `.git` (the mapping's references are relative to it).</summary>
    private static string? RepositoryRoot(string? mappingPath)
    {
        for (var dir = mappingPath is null ? null : Path.GetDirectoryName(mappingPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git")))
            {
                return dir;
            }
        }
        return null;
    }
}
