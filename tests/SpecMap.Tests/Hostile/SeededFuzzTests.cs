using System.Diagnostics;
using System.Text;
using SpecMap.Cli;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Outline.Markdown;
using SpecMap.Core.Outline.Python;
using SpecMap.Tests.Support;
using Xunit.Abstractions;

namespace SpecMap.Tests.Hostile;

/// <summary>
/// Issue 14 §4: a seeded fuzz run over the mapping reader, the three outliners and the whole CLI. Mutants of real
/// inputs (flips to structural and control characters, lone surrogates, cut and repeated ranges) must never crash
/// (an exception other than the reader's own "invalid" one, or exit 70) nor hang. Bounded by count and by time, about
/// a minute in all; a loaded machine runs fewer inputs. Same seed, same inputs.
/// </summary>
public sealed class SeededFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 1414;
    private static readonly TimeSpan BudgetPerTarget = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(20);
    private const int MaxInputsPerTarget = 4000;
    private const string Interesting = "{}[]():,;\"'\\#<>-*_`!=@.\n\r\t \0\u001b\u0007\ud800\udc00\u00e9\ufeff";

    private const string Mapping = """
        {
          "version": "1.1",
          "docs_root": "docs",
          "items": {
            "create": { "implementation": "src/app.py:1-4#create", "docs": "guide.md#usage", "compliance_score": 80 },
            "model": { "implementation": "src/Model.cs#Model.Name", "required_fields": ["name"], "status": "implemented" }
          },
          "overall_compliance_score": 80
        }
        """;

    private const string Python = "# coding: utf-8\nclass A:\n    def create(self, x: int = 1) -> None:\n        \"\"\"doc\"\"\"\n        return [y for y in (1, 2)]\n\n@dec\nasync def g(*a, **k):\n    pass\n";
    private const string CSharp = "namespace N;\n#if DEBUG\npublic class Model<T> where T : new()\n{\n    public string Name { get; init; } = \"\";\n    void M() { var x = (1 + (2 * 3)); }\n}\n#endif\n";
    private const string Markdown = "---\ntitle: x\n---\n# Guide\n\n## Usage\n\n> quote\n> - list [a](b) `code`\n\n```\n# not a heading\n```\nSetext\n======\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void No_mutant_crashes_or_hangs_the_readers_or_the_cli()
    {
        _repo.Write("src/app.py", Python).Write("src/Model.cs", CSharp).Write("docs/guide.md", Markdown).Write("map.json", Mapping).Commit();
        var random = new Random(Seed);
        var totals = new List<(string Target, int Inputs, int Crashes, int Hangs)>
        {
            Run("mapping reader", random, Mapping, text =>
            {
                try
                {
                    JsonTreeReader.Parse(text);
                    MappingLoader.Parse(Encoding.UTF8.GetBytes(text), "map.json", null, _ => true);
                }
                catch (Exception e) when (e is JsonSyntaxException or MappingReadException)
                {
                    // The reader's own verdict on bad input: not a crash.
                }
            }),
            Run("python outliner", random, Python, text => new PythonOutliner().Outline("a.py", text)),
            Run("csharp outliner", random, CSharp, text => new CSharpOutliner().Outline("a.cs", text)),
            Run("markdown outliner", random, Markdown, text => new MarkdownOutliner().Outline("a.md", text)),
            Run("cli validate", random, Mapping, text =>
            {
                // Encoding.UTF8 writes a lone surrogate as U+FFFD's bytes, as an editor saving it would.
                File.WriteAllBytes(_repo.PathOf("map.json"), Encoding.UTF8.GetBytes(text));
                var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--format", "json");
                if (result.ExitCode is not (0 or 1 or 2))
                {
                    throw new InvalidOperationException($"exit {result.ExitCode}: {result.Stderr}");
                }
            }, maxInputs: 1500),
        };
        foreach (var (target, inputs, crashes, hangs) in totals)
        {
            output.WriteLine($"{target}: {inputs} inputs, {crashes} crashes, {hangs} hangs");
        }
        output.WriteLine($"total: {totals.Sum(t => t.Inputs)} inputs, {totals.Sum(t => t.Crashes)} crashes, {totals.Sum(t => t.Hangs)} hangs (seed {Seed})");
        Assert.All(totals, t => Assert.True(t.Inputs >= 20, $"{t.Target}: only {t.Inputs} inputs ran"));
        Assert.All(totals, t => Assert.Equal((t.Target, 0, 0), (t.Target, t.Crashes, t.Hangs)));
    }

    private (string, int, int, int) Run(string target, Random random, string seedText, Action<string> check, int maxInputs = MaxInputsPerTarget)
    {
        var clock = Stopwatch.StartNew();
        int inputs = 0, crashes = 0, hangs = 0;
        while (inputs < maxInputs && clock.Elapsed < BudgetPerTarget && hangs == 0)
        {
            var mutant = Mutate(random, seedText);
            inputs++;
            Exception? failure = null;
            // A big stack, as the program has (Program.cs): depth is bounded by the readers' guards, not by luck.
            var worker = new Thread(() =>
            {
                try
                {
                    check(mutant);
                }
#pragma warning disable CA1031 // Counted and reported below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = e;
                }
            }, maxStackSize: 64 * 1024 * 1024) { IsBackground = true };
            worker.Start();
            if (!worker.Join(HangAfter))
            {
                hangs++;
                output.WriteLine($"{target}: hang on {Show(mutant)}");
            }
            else if (failure is not null)
            {
                crashes++;
                if (crashes <= 3)
                {
                    output.WriteLine($"{target}: {failure.GetType().Name}: {failure.Message} on {Show(mutant)}");
                }
            }
        }
        return (target, inputs, crashes, hangs);
    }

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var step = random.Next(1, 5); step > 0; step--)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(6))
            {
                case 0 when at < builder.Length:
                    builder[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    builder.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2 when at < builder.Length:
                    builder.Remove(at, random.Next(1, Math.Min(40, builder.Length - at) + 1));
                    break;
                case 3 when at < builder.Length:
                {
                    // Repeat a short range: deep nesting, long runs, many headings.
                    var length = random.Next(1, Math.Min(8, builder.Length - at) + 1);
                    var chunk = builder.ToString(at, length);
                    builder.Insert(at, new StringBuilder().Insert(0, chunk, random.Next(2, 400)).ToString());
                    break;
                }
                case 4:
                    builder.Length = Math.Min(builder.Length, at);
                    break;
                default:
                    builder.Insert(at, text.AsSpan(random.Next(text.Length), 1));
                    break;
            }
        }
        return builder.ToString();
    }

    private static string Show(string mutant) =>
        TerminalSafeWriter.Escape(mutant.Length > 120 ? mutant[..120] + "…" : mutant).Replace("\n", "\\n", StringComparison.Ordinal);
}
