using System.Text.RegularExpressions;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts;

/// <summary>
/// Finds the model of an item that names none (contract §4): a class named by a bare `request_model`/`response_model`
/// value, the class whose `type` literal or discriminator equals the item's event name, or the return annotation of
/// the function the item's code reference names. Files are searched cheaply: their text is grepped before any parse.
/// </summary>
internal sealed partial class ModelInference(ContractContext context, ModelReaders readers)
{
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly Lazy<string[]> _modelFiles = new(() =>
        [.. context.Tree.Paths.Where(p => p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".pyi", StringComparison.Ordinal) || p.EndsWith(".cs", StringComparison.Ordinal))]);

    /// <summary>A model found by inference, with how it was found; or the reason none was.</summary>
    public sealed record Found(ModelClass? Model, string How);

    /// <summary>The class named <paramref name="className"/> somewhere in the repository's Python and C# files (exactly one).</summary>
    public Found? ByClassName(string className, string key)
    {
        var simple = className[(className.LastIndexOf('.') + 1)..];
        var declaration = new Regex($@"\b(?:class|record|struct|interface)\s+{Regex.Escape(simple)}\b");
        var models = _modelFiles.Value.Where(p => Text(p) is { } text && text.Contains(simple, StringComparison.Ordinal) && declaration.IsMatch(text))
            .Select(p => readers.For(p)?.Read(p, simple)).OfType<ModelClass>().ToList();
        return models.Count switch
        {
            0 => new Found(null, $"class '{className}' named by '{key}' is in no Python or C# file of the repository"),
            1 => new Found(models[0], $"its class name '{className}' under '{key}'"),
            _ => new Found(null, $"class '{className}' named by '{key}' is declared in {models.Count} files ({string.Join(", ", models.Select(m => m.File).Take(3))}); name the file: 'path#{className}'"),
        };
    }

    /// <summary>The one class whose `type` literal (or C# discriminator) is <paramref name="eventName"/>.</summary>
    public Found? ByTypeLiteral(string eventName)
    {
        var quoted = new[] { $"\"{eventName}\"", $"'{eventName}'" };
        var found = new List<ModelClass>();
        foreach (var path in _modelFiles.Value)
        {
            if (Text(path) is not { } text || !quoted.Any(q => text.Contains(q, StringComparison.Ordinal)))
            {
                continue;
            }
            var file = context.Tree.Read(path);
            var outline = file is null ? null : context.Outliners.Outline(path, file.Text, file.BlobId);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!quoted.Any(q => lines[i].Contains(q, StringComparison.Ordinal)) || !TypeLine().IsMatch(lines[i]))
                {
                    continue;
                }
                var owner = outline?.Symbols.Where(s => SymbolKinds.IsTypeLike(s.Kind) && s.Covers(i + 1, i + 1)).OrderBy(s => s.LineCount).FirstOrDefault();
                if (owner is not null && readers.For(path)?.Read(path, owner.QualifiedName) is { } model && !found.Any(m => m.Name == model.Name && m.File == model.File))
                {
                    found.Add(model);
                }
            }
        }
        return found.Count switch
        {
            0 => null,
            1 => new Found(found[0], $"its type literal '{eventName}'"),
            _ => new Found(null, $"{found.Count} classes have the type literal '{eventName}' ({string.Join(", ", found.Select(m => m.Name).Order(StringComparer.Ordinal))}); add a 'model' key"),
        };
    }

    /// <summary>The class a function's return annotation names (`def build(...) -> ResponseCreatedEvent:`), read from its file and imports.</summary>
    public Found? ByReturnAnnotation(string path, string? symbol, int? start, int? end)
    {
        var file = context.Tree.Read(path);
        if (file is null || file.IsBinary || context.Outliners.Outline(path, file.Text, file.BlobId) is not { } outline)
        {
            return null;
        }
        var function = outline.Symbols
            .Where(s => s.Kind is SymbolKinds.Function or SymbolKinds.Method or SymbolKinds.Local)
            .Where(s => symbol is not null ? s.QualifiedName == symbol || s.Name == symbol || s.QualifiedName.EndsWith("." + symbol, StringComparison.Ordinal)
                : start is not null && (s.Covers(start.Value, end ?? start.Value) || (s.DefLine >= start && s.DefLine <= (end ?? start))))
            .OrderBy(s => s.LineCount)
            .FirstOrDefault();
        if (function is null)
        {
            return null;
        }
        // The header may span lines (one parameter a line): read up to the line that ends it with ':'.
        var lines = file.Text.Split('\n');
        var header = new System.Text.StringBuilder();
        for (var i = function.DefLine - 1; i < Math.Min(lines.Length, function.DefLine + 30); i++)
        {
            header.Append(lines[i].TrimEnd()).Append(' ');
            if (lines[i].TrimEnd().EndsWith(':'))
            {
                break;
            }
        }
        if (ReturnAnnotation().Match(header.ToString()) is not { Success: true } annotation)
        {
            return null;
        }
        var className = annotation.Groups["type"].Value;
        return readers.For(path)?.Read(path, className) is { } model
            ? new Found(model, $"the return annotation '{className}' of '{function.QualifiedName}'")
            : null;
    }

    private string? Text(string path)
    {
        if (!_texts.TryGetValue(path, out var text))
        {
            var file = context.Tree.Read(path);
            text = file is null || file.IsBinary ? null : file.Text;
            _texts[path] = text;
        }
        return text;
    }

    // `type: Literal["response.created"]`, `type: str = "response.created"`, `Type => "response.created"`, `string Type { get; } = "..."`.
    [GeneratedRegex(@"\b(?:type|Type|kind|event|Event)\b\s*(?::|=>|=|\{)", RegexOptions.CultureInvariant)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\)\s*->\s*[""']?(?<type>[A-Za-z_][\w.]*)[""']?\s*:")]
    private static partial Regex ReturnAnnotation();
}
