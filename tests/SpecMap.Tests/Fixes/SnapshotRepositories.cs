using System.Text;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>
/// Real repositories whose history moves the code the fix snapshots point at: the engine resolves the snapshot's
/// input mapping through git and the fixes it plans are compared with the expected file byte for byte.
/// </summary>
internal static class SnapshotRepositories
{
    /// <summary>The input mapping committed with its code, then the code drifted; returns the engine's report.</summary>
    public static MappingReport Validate(TestRepository repo, string snapshot, byte[] input) => snapshot switch
    {
        "crlf-bom-comments" => CrlfBomComments(repo, input),
        "lf-final-newline" => LfFinalNewline(repo, input),
        _ => throw new ArgumentOutOfRangeException(nameof(snapshot), snapshot, "no repository for this snapshot"),
    };

    public static MappingReport Run(TestRepository repo) => EngineRun.Validate(repo, MappingPath);

    public const string MappingPath = "SPEC_TO_CODE_MAPPING.json";

    // `create_responses` at 901-942 of vllm/api_server.py, then the file moves to vllm/entrypoints/ four lines lower;
    // `Resp` at 10-40 of vllm/protocol.py, then two lines lower.
    private static MappingReport CrlfBomComments(TestRepository repo, byte[] input)
    {
        var server = Comments(900) + Function("create_responses", 42);
        var protocol = Comments(9) + Class("Resp", 31);
        repo.Write("vllm/api_server.py", server).Write("vllm/protocol.py", protocol);
        File.WriteAllBytes(repo.PathOf(MappingPath), input);
        repo.Commit("server and mapping");
        repo.Delete("vllm/api_server.py").Write("vllm/entrypoints/api_server.py", Comments(4) + server)
            .Write("vllm/protocol.py", Comments(2) + protocol).Commit("move the server");
        return Run(repo);
    }

    // `verified_at` names the commit the lines belong to: `a.py` and `B.Run` move down, the doc stays.
    private static MappingReport LfFinalNewline(TestRepository repo, byte[] input)
    {
        const string CSharp = "class B\n{\n    public void Run()\n    {\n        var a = 1;\n        var b = 2;\n        var c = 3;\n        System.Console.WriteLine(a + b + c);\n    }\n}\n";
        var python = Comments(9) + Function("handler", 11);
        var baseline = repo.Write("a.py", python).Write("b.cs", CSharp).Write("DOC_a.md", "# Intro\n\nText.\n").Commit("code");
        var text = Encoding.UTF8.GetString(input).Replace(new string('1', 40), baseline, StringComparison.Ordinal);
        File.WriteAllBytes(repo.PathOf(MappingPath), new UTF8Encoding(false).GetBytes(text));
        repo.Write("a.py", Comments(2) + python).Write("b.cs", "// header\n" + CSharp).Commit("drift");
        return Run(repo);
    }

    public static string Comments(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"# line {i}\n"));

    /// <summary>A function of <paramref name="lines"/> lines.</summary>
    public static string Function(string name, int lines) =>
        $"def {name}(request):\n" + string.Concat(Enumerable.Range(1, lines - 2).Select(i => $"    v{i} = request + {i}\n")) + "    return request\n";

    /// <summary>A class of <paramref name="lines"/> lines.</summary>
    private static string Class(string name, int lines) =>
        $"class {name}:\n" + string.Concat(Enumerable.Range(1, lines - 1).Select(i => $"    f{i}: int = {i}\n"));
}
