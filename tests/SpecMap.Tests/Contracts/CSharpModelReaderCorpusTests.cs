using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LibGit2Sharp;
using SpecMap.Core.Caching;
using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Sources;
using SpecMap.Tests.Outline.CSharp;
using SpecMap.Tests.Support;
using Xunit.Abstractions;

namespace SpecMap.Tests.Contracts;

/// <summary>
/// Keeping C# model facts by blob id (issue 15) changes what a reading costs, never the reading: for every type declared
/// in every .cs file of a corpus, the reader over kept facts (made in this run, then decoded from the store by a run
/// that parses nothing) reads what <see cref="RoslynModelReader"/>, the reader as it was, reads from a fresh parse.
/// Over the Humanizer history one store serves every commit in turn, so each commit after the first is a warm run on a
/// tree where other files changed (parts, bases and member types included).
/// </summary>
public sealed partial class CSharpModelReaderCorpusTests(HumanizerBenchFixture bench, ITestOutputHelper output) : IClassFixture<HumanizerBenchFixture>, IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "specmap-tests", "csharp-facts-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose() => TempFolder.Delete(_cache);

    [Fact]
    public void Every_type_of_this_repository_reads_the_same_from_kept_facts_as_from_a_fresh_parse()
    {
        using var repository = new Repository(RepositoryRoot());
        var (files, types) = AssertSameReadings(new GitTreeSource(repository, repository.Head.Tip));
        Assert.True(files > 300 && types > 800, $"{types} types in {files} files");
    }

    [Fact]
    public void Every_type_of_the_csharp_snippets_in_this_repository_s_tests_read_together_in_one_work_tree_reads_the_same()
    {
        // Many snippets declare the same names (`Event`, `Base`, partial parts): read together, parts and bases are found
        // across files, in the order the tree lists them, which is what the facts must reproduce.
        var root = RepositoryRoot();
        var snippets = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(p => RawString().Matches(File.ReadAllText(p)).Select(m => m.Groups["text"].Value))
            .Where(t => t.Contains("class ", StringComparison.Ordinal) || t.Contains("record ", StringComparison.Ordinal) || t.Contains("struct ", StringComparison.Ordinal))
            .ToList();
        var folder = Path.Combine(_cache, "snippets");
        for (var i = 0; i < snippets.Count; i++)
        {
            var path = Path.Combine(folder, (i % 7).ToString(CultureInfo.InvariantCulture), i.ToString("D4", CultureInfo.InvariantCulture) + ".cs");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, snippets[i]);
        }
        var (files, types) = AssertSameReadings(new WorkTreeSource(folder));
        Assert.True(files > 50 && types > 100, $"{types} types in {files} files");
    }

    [Fact]
    public void Generated_trees_dense_in_parts_bases_and_member_types_across_files_read_the_same_commit_after_commit()
    {
        // Few names, many files: nearly every reading finds parts, bases and member types in other files. Each commit
        // rewrites a third of the files, and the store carries the facts of the commit before (a warm run after changes).
        using var repository = TestRepository.Create();
        var random = new Random(15);
        var (files, types) = (0, 0);
        for (var commit = 0; commit < 5; commit++)
        {
            for (var file = 0; file < 40; file++)
            {
                if (commit == 0 || random.Next(3) == 0)
                {
                    repository.Write($"src/{file % 5}/F{file}.cs", GeneratedFile(random));
                }
            }
            repository.Commit($"generation {commit}");
            var (commitFiles, commitTypes) = AssertSameReadings(new GitTreeSource(repository.Repository, repository.Repository.Head.Tip));
            files += commitFiles;
            types += commitTypes;
        }
        Assert.True(files == 200 && types > 400, $"{types} types in {files} files");
    }

    private static readonly string[] Names = ["Event", "Base", "Item", "Kind", "Tags", "IShape", "Detail"];

    private static readonly string[] MemberTypes =
        ["string", "int?", "List<Item>", "Item[]", "Dictionary<string, Detail>", "Kind", "Tags", "Base", "App.Models.Item", "IShape", "Event?", "Missing", "(int, string)"];

    /// <summary>A file of one to three declarations named from a small pool: partial or not, with bases, attributes,
    /// nested types and namespaces drawn at random.</summary>
    private static string GeneratedFile(Random random)
    {
        var text = new StringBuilder("using System.Text.Json.Serialization;\n\n");
        var ns = random.Next(3) switch { 0 => null, 1 => "App.Models", _ => "App.Other" };
        if (ns is not null)
        {
            text.Append("namespace ").Append(ns).Append(random.Next(2) == 0 ? ";\n\n" : "\n{\n");
        }
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            GeneratedType(random, text, nested: random.Next(4) == 0);
        }
        if (ns is not null && text.ToString().Contains("\n{\n", StringComparison.Ordinal))
        {
            text.Append("}\n");
        }
        return text.ToString();
    }

    private static void GeneratedType(Random random, StringBuilder text, bool nested)
    {
        var name = Names[random.Next(Names.Length)];
        if (random.Next(6) == 0)
        {
            text.Append("public enum ").Append(name).Append(" { A, B }\n\n");
            return;
        }
        var kind = name.StartsWith('I') ? "interface" : new[] { "class", "record", "struct", "record struct", "sealed class" }[random.Next(5)];
        text.Append("public ").Append(random.Next(2) == 0 ? "partial " : string.Empty).Append(kind).Append(' ').Append(name);
        if (kind.StartsWith("record", StringComparison.Ordinal) && random.Next(2) == 0)
        {
            text.Append("([property: JsonPropertyName(\"p\")] string P, ").Append(MemberTypes[random.Next(MemberTypes.Length)]).Append(" Q = default)");
        }
        var bases = Enumerable.Range(0, random.Next(3)).Select(_ => new[] { "Base", "Event", "Item", "IShape", "List<string>", "Dictionary<string, int>", "Tags", "External.Model" }[random.Next(8)]).Distinct().ToList();
        if (bases.Count > 0)
        {
            text.Append(" : ").AppendJoin(", ", bases);
        }
        text.Append("\n{\n");
        for (var i = random.Next(5); i > 0; i--)
        {
            var attribute = random.Next(6) switch
            {
                0 => "[JsonPropertyName(\"wire_" + i + "\")] ",
                1 => "[JsonIgnore] ",
                2 => "[JsonInclude] ",
                3 => "[JsonIgnore(Condition = JsonIgnoreCondition.Always)] ",
                _ => string.Empty,
            };
            var modifier = new[] { "public ", "public ", "private ", "public static ", "internal " }[random.Next(5)];
            var type = MemberTypes[random.Next(MemberTypes.Length)];
            var member = new[] { "Id", "Count", "Name", "Items", "Type" }[random.Next(5)];
            text.Append("    ").Append(attribute).Append(kind == "interface" ? string.Empty : modifier).Append(type).Append(' ').Append(member)
                .Append(random.Next(3) == 0 ? ";\n" : random.Next(2) == 0 ? " { get; set; } = default!;\n" : " { get; init; }\n");
        }
        if (nested)
        {
            GeneratedType(random, text, nested: false);
        }
        text.Append("}\n\n");
    }

    [HumanizerBenchFact]
    public void Every_type_of_humanizer_at_four_commits_reads_the_same_from_facts_kept_across_them_as_from_a_fresh_parse()
    {
        var repository = bench.Repository;
        var history = repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repository.Branches["bench"].Tip, FirstParentOnly = true })
            .Reverse().ToList();
        // Oldest first, so the store carries each commit's facts into the next (newer) one.
        var commits = new[] { history.Count / 4, history.Count / 2, history.Count * 3 / 4, history.Count - 1 }.Select(i => history[i]);
        var (files, types) = (0, 0);
        foreach (var commit in commits)
        {
            var (commitFiles, commitTypes) = AssertSameReadings(new GitTreeSource(repository, commit));
            files += commitFiles;
            types += commitTypes;
        }
        Assert.True(files > 1500 && types > 2000, $"{types} types in {files} files");
    }

    [Fact]
    public void Stored_facts_decode_to_what_was_parsed_and_a_torn_record_is_a_miss()
    {
        var text = """
            namespace A.B
            {
                public partial record Event([property: JsonPropertyName("id")] string Id, int? Count = 1) : Base<int>, IEvent
                {
                    [JsonIgnore] public string Hidden { get; set; } = "";
                    public Dictionary<string, List<Item[]>> Items { get; } = new();
                    [JsonInclude] internal global::System.Guid Key;

                    public enum Kind : byte { One }
                }
            }
            """;
        var facts = CSharpFileFacts.Of(new SourceFile("Event.cs", text, "0", IsBinary: false));
        var bytes = CSharpFactsCodec.Encode(facts);
        var decoded = CSharpFactsCodec.Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(bytes, CSharpFactsCodec.Encode(decoded));
        Assert.Equal(Describe(facts), Describe(decoded));
        Assert.Equal(
            "Type Event 3 partial A.B : Base<int>=Base(int()), IEvent=IEvent() | Id/id/string/string()/False/3/False, Count//int?/?(int())/True/3/False, "
            + "Items//Dictionary<string, List<Item[]>>/Dictionary(string(), List([](Item())))/True/6/True, Key//global::System.Guid/Guid()/False/7/False; "
            + "Enum Kind 9  A.B :  | ",
            Describe(decoded));
        Assert.Null(CSharpFactsCodec.Decode(bytes[..^3]));
        Assert.Null(CSharpFactsCodec.Decode([.. bytes, 0]));
    }

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SpecMapValidator.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        return root;
    }

    /// <summary>A C# raw string literal's text (`"""` on a line of its own to `"""` on one); indentation is kept, which C# allows.</summary>
    [GeneratedRegex("\"\"\"\r?\n(?<text>.*?)\r?\n[ \t]*\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawString();

    /// <summary>Reads every declared name of every .cs file of <paramref name="tree"/> three ways and asserts they agree:
    /// the oracle's fresh parse, a reader over facts this store keeps (parsing what it lacks), and a reader over a store
    /// reopened from disk, which must parse nothing (it writes no segment). Also the type at each declaration's line.</summary>
    private (int Files, int Types) AssertSameReadings(ISourceTree tree)
    {
        var paths = tree.Paths.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
        var oracle = new RoslynModelReader(tree);
        var expected = Readings(paths, tree, oracle.Read, oracle.ClassAt);
        var models = paths.SelectMany(p => tree.Read(p) is { IsBinary: false } file ? DeclaredNames(file.Text).Select(d => oracle.Read(p, d.Name)) : [])
            .OfType<ModelClass>().ToList();
        var fields = models.Sum(m => m.Fields.Length);
        var elsewhere = models.Count(m => m.Fields.Any(f => f.File != m.File));
        var cacheFolder = Path.Combine(_cache, "specmap", "cache", OutlineStore.BuildVersion);
        using (var store = OutlineStore.Open(_cache))
        {
            Assert.NotNull(store);
            var reader = new CSharpModelReader(tree, ModelStore.For(store));
            AssertSame(expected, Readings(paths, tree, reader.Read, reader.ClassAt), tree.Description);
        }
        var segments = Directory.GetFiles(cacheFolder, "seg-*");
        using (var store = OutlineStore.Open(_cache))
        {
            var reader = new CSharpModelReader(tree, ModelStore.For(store));
            AssertSame(expected, Readings(paths, tree, reader.Read, reader.ClassAt), tree.Description + " (warm)");
        }
        Assert.Equal(segments, Directory.GetFiles(cacheFolder, "seg-*"));
        var types = expected.Count(r => r.StartsWith("read ", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tree.Description}: {paths.Count} files, {types} names read, {models.Count} models with {fields} fields, {elsewhere} with fields from another file"));
        return (paths.Count, types);
    }

    private static void AssertSame(List<string> expected, List<string> actual, string where)
    {
        Assert.Equal(expected.Count, actual.Count);
        var first = expected.Zip(actual).Select((p, i) => (p.First, p.Second, i)).FirstOrDefault(p => p.First != p.Second);
        Assert.True(first.First is null, $"{where}, reading {first.i}:\nexpected {first.First}\nactual   {first.Second}");
    }

    /// <summary>Each declared name (the oracle's own text scan finds them, enums and interfaces too) read in its file,
    /// then the type at each declaration's line, as text.</summary>
    private static List<string> Readings(List<string> paths, ISourceTree tree, Func<string, string, ModelClass?> read, Func<string, int, int, string?> classAt)
    {
        var readings = new List<string>();
        foreach (var path in paths)
        {
            if (tree.Read(path) is not { IsBinary: false } file)
            {
                continue;
            }
            foreach (var (name, line) in DeclaredNames(file.Text))
            {
                readings.Add($"read {path}#{name}: {Describe(read(path, name))}");
                readings.Add($"at {path}:{line}: {classAt(path, line, line)} {classAt(path, line, line + 2)}");
            }
        }
        return readings;
    }

    /// <summary>Names after `class`, `record`, `struct`, `interface` or `enum`, with their line: what a mapping could name.</summary>
    private static IEnumerable<(string Name, int Line)> DeclaredNames(string text)
    {
        var line = 1;
        var words = text.Split('\n');
        foreach (var lineText in words)
        {
            var tokens = lineText.Split([' ', '\t', '(', '<', ':', '{', '\r'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < tokens.Length; i++)
            {
                if (tokens[i] is "class" or "record" or "struct" or "interface" or "enum" && tokens[i + 1] is not ("class" or "struct"))
                {
                    yield return (tokens[i + 1], line);
                }
            }
            line++;
        }
    }

    private static string Describe(ModelClass? model)
    {
        if (model is null)
        {
            return "null";
        }
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{model.Name} {model.File}:{model.Line} {model.Policy} {model.AliasGenerator is null} [{string.Join(", ", model.UnseenBases)}]"));
        foreach (var field in model.Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $" | {field.Name}/{field.WireName}/{field.TypeText}/{Describe(field.Shape)}/{field.HasDefault}/{field.File}:{field.Line}");
        }
        return text.ToString();
    }

    private static string Describe(CodeShape? shape) =>
        shape is null ? "-" : $"{shape.Kind}({Describe(shape.Element)};{string.Join(",", shape.UnionOptions.Select(Describe))};{string.Join(",", shape.LiteralValues)})";

    private static string Describe(CSharpFileFacts facts) =>
        string.Join("; ", facts.Types.Select(t => $"{t.Kind} {t.Name} {t.Line} {(t.IsPartial ? "partial" : string.Empty)} {t.Namespace} : "
            + string.Join(", ", t.Bases.Select(b => $"{b.Text}={Describe(b.Type)}")) + " | "
            + string.Join(", ", t.Members.Select(m => $"{m.Name}/{m.WireName}/{m.TypeText}/{Describe(m.Type)}/{m.HasDefault}/{m.Line}/{m.IsProperty}"))));

    private static string Describe(TypeNode type) => $"{type.Value}({string.Join(", ", type.Args.Select(Describe))})";
}
