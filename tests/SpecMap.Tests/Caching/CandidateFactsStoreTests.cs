using System.Text;
using SpecMap.Core.Caching;
using SpecMap.Core.History;
using SpecMap.Core.Outline;
using SpecMap.Core.Resolution;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Caching;

/// <summary>
/// The candidate index's per-file facts kept across runs (issue 15): a warm relocation search reads no candidate to
/// index it and answers as a cold one; a record that is torn or foreign is a miss.
/// </summary>
public sealed class CandidateFactsStoreTests : IDisposable
{
    // A combining mark splits the tokens but not the word; the escape makes the file one the index is unsure of.
    private const string Text = "class Converter { int Convert(int v) => v; string Cafe\u0301 => \"\\u0041\"; }\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private string GitFolder => Path.Combine(_repo.Root, ".git");

    [Fact]
    public void Stored_facts_decode_to_what_the_text_gave_and_a_torn_or_foreign_record_is_a_miss()
    {
        // A token far more frequent than the record is long (a data file of commas) must survive too.
        foreach (var text in new[] { Text, "int[] data = {" + string.Concat(Enumerable.Repeat("1,", 5000)) + "};\n", string.Empty })
        {
            var facts = CandidateFacts.Of(text);
            var bytes = CandidateFactsStore.Encode(facts);
            var decoded = CandidateFactsStore.Decode(bytes);
            Assert.NotNull(decoded);
            Assert.Equal(facts.Words, decoded.Words);
            Assert.Equal(facts.Unsure, decoded.Unsure);
            Assert.Equal(Tokens(facts), Tokens(decoded));
            Assert.Null(CandidateFactsStore.Decode(bytes[..^1]));
            Assert.Null(CandidateFactsStore.Decode([.. bytes, 0]));
            Assert.Null(CandidateFactsStore.Decode([(byte)(bytes[0] + 1), .. bytes[1..]]));
        }
        var convert = CandidateFacts.Of(Text);
        Assert.True(convert.Unsure);
        Assert.Contains("Cafe\u0301", convert.Words);
        Assert.Equal((2, 1, 1), (Tokens(convert)[LineHashes.Hash("int")], Tokens(convert)[LineHashes.Hash("Convert")], Tokens(convert)[LineHashes.Hash("Cafe")]));
        Assert.Null(CandidateFactsStore.Decode("not facts at all"u8.ToArray()));
        Assert.Null(CandidateFactsStore.Decode([]));
    }

    [Fact]
    public void Facts_written_by_one_run_are_read_by_the_next_without_the_file_and_a_foreign_record_is_read_again()
    {
        var blob = GitBlobId.Of(Encoding.UTF8.GetBytes(Text));
        using (var store = OutlineStore.Open(GitFolder))
        {
            Assert.Equal(CandidateFacts.Of(Text).Words, new CandidateFactsStore(store).For("csharp", blob, () => new SourceFile("a.cs", Text, blob, false)).Words);
            // Under the key of another blob, bytes that are no facts.
            store!.AddRecord("0000000000000000000000000000000000000000:candidate-facts:csharp", "garbage"u8.ToArray());
        }
        using (var next = OutlineStore.Open(GitFolder))
        {
            var facts = new CandidateFactsStore(next);
            Assert.Equal(CandidateFacts.Of(Text).Words, facts.For("csharp", blob, () => throw new InvalidOperationException("read")).Words);
            // The same blob read as another language is not that record.
            Assert.Empty(facts.For("python", blob, () => new SourceFile("a.py", string.Empty, blob, false)).Words);
            var read = 0;
            Assert.Equal(["x"], facts.For("csharp", "0000000000000000000000000000000000000000", () => { read++; return new SourceFile("b.cs", "x", "0000000000000000000000000000000000000000", false); }).Words);
            Assert.Equal(1, read);
        }
    }

    [Fact]
    public void A_warm_relocation_across_renames_and_moves_answers_as_a_cold_one()
    {
        var verified = _repo.Write("src/Converter.cs", Converter("Converter", withHelper: true))
            .Write("src/Other.cs", "namespace App;\n\npublic sealed class Other\n{\n    public int Value() => 1;\n}\n")
            .Commit("converters");
        _repo.Write("map.json", $$"""
            { "verified_at": "{{verified}}",
              "convert": { "implementation": "src/Converter.cs#Converter.Convert" },
              "helper": { "implementation": "src/Converter.cs#Converter.Spell" },
              "gone": { "implementation": "src/Converter.cs#Converter.Gone" } }
            """);
        // The file renamed, Spell moved to a new file of the same type, Gone deleted; a file with escapes and a binary one changed too.
        _repo.Move("src/Converter.cs", "src/Conversion/Converter.cs")
            .Write("src/Conversion/Converter.cs", Converter("Converter", withHelper: false))
            .Write("src/Spelling.cs", "namespace App;\n\npublic sealed partial class Converter\n{\n" + Spell + "}\n\npublic static class Words\n{\n"
                + string.Concat(Enumerable.Range(0, 30).Select(i => $"    public const string Word{i} = \"w{i}\";\n")) + "}\n")
            .Write("src/Escaped.cs", "namespace App;\n\npublic sealed class Escaped\n{\n    public string \\u0053pell() => \"\\u0041\";\n}\n")
            .Write("src/Data.cs", "\0binary\0")
            .Commit("moved");
        var cold = Answer();
        var warm = Answer();
        Assert.Equal(cold, warm);
        Assert.Contains(cold, a => a.StartsWith("convert relocated src/Conversion/Converter.cs", StringComparison.Ordinal));
        Assert.Contains(cold, a => a.StartsWith("helper relocated src/Spelling.cs", StringComparison.Ordinal));
        Assert.Contains(cold, a => a.StartsWith("gone lost", StringComparison.Ordinal));
        // The warm run took the candidates' facts from the store.
        using var store = OutlineStore.Open(GitFolder)!;
        var spelling = _repo.Repository.Head.Tip["src/Spelling.cs"].Target.Sha;
        Assert.NotNull(CandidateFactsStore.Decode(store.FindRecord(spelling + ":candidate-facts:csharp")!));
    }

    private const string Spell = """
            public string Spell(int number)
            {
                var parts = new List<string>();
                if (number >= 1000)
                {
                    parts.Add(Thousands[number / 1000]);
                    number %= 1000;
                }
                return string.Join(" ", parts);
            }

        """;

    private const string Gone = """
            public int Gone(int value)
            {
                var doubled = value * 2;
                return doubled + value - 3;
            }

        """;

    private static string Converter(string name, bool withHelper) =>
        "namespace App;\n\npublic sealed partial class " + name + "\n{\n"
        + "    public string Convert(int number)\n    {\n        return number.ToString(System.Globalization.CultureInfo.InvariantCulture) + \" units\";\n    }\n\n"
        + (withHelper ? Spell + Gone : string.Empty) + "}\n";

    private static Dictionary<long, int> Tokens(CandidateFacts facts) =>
        facts.TokenHashes.Zip(facts.TokenCounts).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Each reference's name, status and target, validating at HEAD with fresh in-memory caches as a new process has.</summary>
    private List<string> Answer()
    {
        var report = new Validator(new Outliners()).Validate(new ValidationRequest(_repo.Root, ["map.json"], Against: "HEAD"));
        return [.. report.Mappings.Single().References.Select(r => $"{r.Reference.Pointer.Split('/')[1]} {r.Status.ToString().ToLowerInvariant()} {r.Target?.File}:{r.Target?.Start}-{r.Target?.End} {r.Target?.Symbol}")];
    }
}
