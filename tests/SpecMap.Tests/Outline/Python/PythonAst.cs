using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Outline;

namespace SpecMap.Tests.Outline.Python;

/// <summary>Runs py_ast_outline.py (CPython's `ast`) over many files in one process: the reference the outliner must equal.</summary>
internal static class PythonAst
{
    private static readonly Lazy<string?> Python3 = new(() => FindOnPath("python3"));

    /// <summary>The python3 executable on PATH, or null.</summary>
    public static string? Executable => Python3.Value;

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Outline", "Python", "py_ast_outline.py");

    /// <summary>The same line format for both sides, so a difference reads as a line diff.</summary>
    public static string Format(OutlineSymbol symbol) =>
        $"{symbol.Kind} {symbol.Name} {symbol.QualifiedName} {symbol.Start} {symbol.DefLine} {symbol.End} {symbol.Level}";

    /// <summary>Per file, the outline lines `ast` gives, or null when `ast` cannot parse the file.</summary>
    public static IReadOnlyList<string[]?> Outline(IReadOnlyList<byte[]> files)
    {
        var start = new ProcessStartInfo(Executable ?? "python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ScriptPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var writer = new Utf8JsonWriter(process.StandardInput.BaseStream))
        {
            writer.WriteStartArray();
            foreach (var file in files)
            {
                writer.WriteBase64StringValue(file);
            }
            writer.WriteEndArray();
        }
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"py_ast_outline.py failed ({process.ExitCode}): {errors.Result}");
        }
        using var document = JsonDocument.Parse(output.Result);
        var result = new List<string[]?>();
        foreach (var file in document.RootElement.EnumerateArray())
        {
            if (file.ValueKind == JsonValueKind.Null)
            {
                result.Add(null);
                continue;
            }
            result.Add([.. file.EnumerateArray().Select(s => string.Join(' ', s.EnumerateArray().Select(p => p.ToString())))]);
        }
        return result;
    }

    public static string? FindOnPath(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, program)))
            {
                return Path.Combine(directory, program);
            }
        }
        return null;
    }
}
