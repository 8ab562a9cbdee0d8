using System.Reflection;
using System.Text.RegularExpressions;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Tests.Catalog;

/// <summary>Keeps RuleIds, RuleCatalog, the embedded pages, docs/rules/ and the shipped-IDs list in step.</summary>
public sealed partial class CatalogTests
{
    private static readonly string[] Sections =
    [
        "## What it checks", "## Why it matters", "## Example", "## How to fix", "## Fix safety", "## Configuration", "## Suppression",
    ];

    public static TheoryData<string> Ids => [.. RuleCatalog.All.Select(r => r.Id)];

    [Fact]
    public void Every_RuleIds_constant_is_in_the_catalog_and_back()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
        var catalog = RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(constants, catalog);
        Assert.Equal(catalog.Count, catalog.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Catalog_is_sorted_and_ids_sit_in_their_category_range()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches(IdPattern(), rule.Id);
            var expected = rule.Id[3..5] switch
            {
                "00" => RuleCatalog.MappingCategory,
                "01" => RuleCatalog.CodeCategory,
                "02" => RuleCatalog.DocsCategory,
                "03" => RuleCatalog.ConsistencyCategory,
                "04" => RuleCatalog.EnvironmentCategory,
                "05" => RuleCatalog.LiveStreamsCategory,
                _ => "no range",
            };
            Assert.True(expected == rule.Category, $"{rule.Id} is in {rule.Category}, its range belongs to {expected}");
        }
        Assert.Throws<ArgumentException>(() => RuleCatalog.CategoryOf("SMV0601"));
    }

    [Fact]
    public void Relocations_and_reference_problems_are_the_rules_about_where_a_reference_points()
    {
        string[] relocations =
        [
            RuleIds.FileNotFound, RuleIds.RangeBeyondEnd, RuleIds.SymbolShifted, RuleIds.FileRenamed, RuleIds.SymbolMoved,
            RuleIds.SymbolRenamed, RuleIds.LinesChanged, RuleIds.HeadingMoved,
        ];
        Assert.Equal(relocations, RuleCatalog.All.Where(r => r.IsRelocation).Select(r => r.Id));
        // A relocation always has a fix (safe, or a guess above the threshold); a broken reference never has one.
        Assert.All(RuleCatalog.All.Where(r => r.IsRelocation), r => Assert.NotEqual(FixSafety.None, r.Fix));
        Assert.All(RuleCatalog.All.Where(r => r.Reference == ReferenceEffect.Broken), r => Assert.Equal(FixSafety.None, r.Fix));
        // Every code-reference rule is a reference problem, and so are the mapping's and the docs' rules about a place.
        // SMV0111 is about what the code says, not where the reference points: it must not hold verified_at back.
        var problems = RuleCatalog.All.Where(r => r.IsReferenceProblem).Select(r => r.Id).ToList();
        Assert.Equal(
            [RuleIds.LeavesRepository, .. RuleCatalog.All.Where(r => r.Category == RuleCatalog.CodeCategory && r.Id != RuleIds.ItemNotMentioned).Select(r => r.Id),
                RuleIds.HeadingMoved, RuleIds.HeadingNotFound, RuleIds.FileNotChecked],
            problems);
    }

    [Fact]
    public void Every_diagnostic_is_made_at_its_rules_default_severity()
    {
        var location = new MappingLocation("map.json", 3, 7);
        foreach (var rule in RuleCatalog.All)
        {
            var diagnostic = RuleCatalog.Create(rule.Id, "message", location, "/a");
            Assert.Equal((rule.Id, rule.DefaultSeverity, "message", location, "/a"),
                (diagnostic.Id, diagnostic.Severity, diagnostic.Message, diagnostic.Location, diagnostic.Pointer));
            Assert.Null(diagnostic.Fix);
            Assert.Empty(diagnostic.RelatedLocations);
        }
        Assert.Equal(Severity.None, RuleCatalog.Create(RuleIds.SpecSectionNotHashed, "m", location, "/a").Severity);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_has_an_embedded_page_with_all_sections(string id)
    {
        var rule = RuleCatalog.Get(id);
        var page = RulePages.Read(id);
        Assert.NotNull(page);
        Assert.Equal($"# {id}: {rule.Title}", page.Split('\n')[0]);
        var sections = PageSections(page);
        Assert.Equal(Sections, sections.Select(s => s.Heading));
        Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Body), $"{id}.md: '{s.Heading}' is empty"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_example_shows_the_diagnostic_in_msbuild_form_and_fix_safety_agrees(string id)
    {
        var sections = PageSections(RulePages.Read(id)!).ToDictionary(s => s.Heading, s => s.Body);
        Assert.Matches(new Regex($@"^\S+\(\d+,\d+\): (error|warning|info) {id}: .+$", RegexOptions.Multiline), sections["## Example"]);
        Assert.StartsWith(RuleCatalog.Get(id).Fix.ToString(), sections["## Fix safety"].Trim(), StringComparison.Ordinal);
        Assert.Contains("specmap.json", sections["## Configuration"], StringComparison.Ordinal);
        Assert.Contains("suppress", sections["## Suppression"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_page_without_an_id_embedded_or_on_disk()
    {
        var embedded = typeof(RulePages).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Select(n => n["rules/".Length..^".md".Length]);
        var onDisk = Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension).Where(n => n != "README")!;
        foreach (var name in embedded.Concat(onDisk!))
        {
            Assert.True(RuleCatalog.TryGet(name!, out _), $"docs/rules/{name}.md has no rule in the catalog");
        }
        Assert.Equal(RuleCatalog.All.Count, onDisk.Count());
    }

    [Fact]
    public void No_shipped_id_is_removed_or_renumbered_and_every_id_is_listed()
    {
        var shipped = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "SpecMap.Core", "Diagnostics", "ShippedRules.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList();
        Assert.All(shipped, fields => Assert.Equal(2, fields.Length));
        foreach (var fields in shipped)
        {
            Assert.True(RuleCatalog.TryGet(fields[0], out var rule), $"shipped ID {fields[0]} was removed from the catalog");
            Assert.True(fields[1] == rule!.Category, $"shipped ID {fields[0]} moved from {fields[1]} to {rule.Category}");
        }
        Assert.Equal(shipped.Count, shipped.Select(f => f[0]).Distinct(StringComparer.Ordinal).Count());
        var unlisted = RuleCatalog.All.Select(r => r.Id).Except(shipped.Select(f => f[0]), StringComparer.Ordinal).ToList();
        Assert.True(unlisted.Count == 0, $"add to ShippedRules.txt: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public void Readme_links_every_rule()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", "README.md"));
        Assert.All(RuleCatalog.All, r => Assert.Contains($"[{r.Id}]({r.Id}.md)", readme, StringComparison.Ordinal));
        Assert.Contains("## Adding a rule", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_ignores_case_and_rejects_unknown_ids()
    {
        Assert.True(RuleCatalog.TryGet("smv0103", out var rule));
        Assert.Equal(RuleIds.SymbolShifted, rule!.Id);
        Assert.False(RuleCatalog.TryGet("SMV9999", out _));
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpecMapValidator.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (SpecMapValidator.sln) is not above the test binaries");
    }

    /// <summary>The `## ` sections of a page with their bodies; headings inside fenced code blocks are example text.</summary>
    private static List<(string Heading, string Body)> PageSections(string page)
    {
        var sections = new List<(string Heading, System.Text.StringBuilder Body)>();
        var fenced = false;
        foreach (var line in page.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            if (!fenced && line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add((line, new System.Text.StringBuilder()));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Body.Append(line).Append('\n');
            }
        }
        return [.. sections.Select(s => (s.Heading, s.Body.ToString()))];
    }

    [GeneratedRegex("^SMV0[0-5][0-9]{2}$")]
    private static partial Regex IdPattern();
}
