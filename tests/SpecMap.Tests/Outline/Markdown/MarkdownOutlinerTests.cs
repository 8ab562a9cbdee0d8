using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Markdown;

namespace SpecMap.Tests.Outline.Markdown;

public sealed class MarkdownOutlinerTests
{
    private static readonly MarkdownOutliner Outliner = new();

    /// <summary>Headings as `level slug "name" start/def/end` lines.</summary>
    private static string[] Outline(string text) =>
        [.. Outliner.Outline("doc.md", text).Symbols.Select(s => $"{s.Level} {s.QualifiedName} \"{s.Name}\" {s.Start}/{s.DefLine}/{s.End}")];

    [Fact]
    public void Sections_end_before_the_next_heading_of_the_same_or_a_higher_level_without_trailing_blanks()
    {
        const string text = """
            # Title

            Intro.

            ## First

            Text.

            ### Detail

            More.


            ## Second
            Body.
            # Appendix

            Last line.


            """;
        Assert.Equal(
            [
                "1 title \"Title\" 1/1/15",
                "2 first \"First\" 5/5/11",
                "3 detail \"Detail\" 9/9/11",
                "2 second \"Second\" 14/14/15",
                "1 appendix \"Appendix\" 16/16/18",
            ],
            Outline(text));
    }

    [Fact]
    public void Setext_headings_start_at_their_text_line_not_the_underline()
    {
        const string text = "Main title\n==========\n\nText.\n\nPart one\n--------\nBody.\n";
        Assert.Equal(
            [
                "1 main-title \"Main title\" 1/1/8",
                "2 part-one \"Part one\" 6/6/8",
            ],
            Outline(text));
    }

    [Fact]
    public void Duplicate_headings_get_numbered_slugs_as_on_GitHub()
    {
        const string text = "# Usage\n\n## Usage\n\n## Usage\n\n## Usage 1\n";
        Assert.Equal(["usage", "usage-1", "usage-2", "usage-1-1"], Outliner.Outline("doc.md", text).Symbols.Select(s => s.QualifiedName));
    }

    [Fact]
    public void Inline_formatting_is_stripped_from_names_and_slugs()
    {
        const string text = """
            # The `create_responses` **handler**
            ## [Streaming](https://example.com/x) *events* and _more_
            ## response.function_call_arguments.delta
            ## Rock &amp; roll <br> now
            ## ~~Old~~ API
            """;
        Assert.Equal(
            [
                "1 the-create_responses-handler \"The create_responses handler\" 1/1/5",
                "2 streaming-events-and-more \"Streaming events and more\" 2/2/2",
                "2 responsefunction_call_argumentsdelta \"response.function_call_arguments.delta\" 3/3/3",
                "2 rock--roll--now \"Rock & roll  now\" 4/4/4",
                "2 old-api \"~~Old~~ API\" 5/5/5",
            ],
            Outline(text));
    }

    [Fact]
    public void Punctuation_is_dropped_and_unicode_letters_are_kept_in_slugs()
    {
        const string text = """
            # POST /v1/responses
            # What's new? (2.0)
            # C# & .NET: a–z
            # Über café 東京
            # 100% done!
            # --- dashes ---
            """;
        Assert.Equal(
            ["post-v1responses", "whats-new-20", "c--net-az", "über-café-東京", "100-done", "----dashes----"],
            Outliner.Outline("doc.md", text).Symbols.Select(s => s.QualifiedName));
    }

    [Fact]
    public void Headings_inside_code_blocks_and_front_matter_are_not_headings()
    {
        const string text = """
            ---
            title: Front
            ---
            # Real

            ```markdown
            # Not a heading
            ```

                # indented code, not a heading

            ~~~
            ## Nor this
            ~~~
            Text
            """;
        Assert.Equal(["1 real \"Real\" 4/4/15"], Outline(text));
    }

    [Fact]
    public void Headings_nest_through_every_level()
    {
        const string text = "# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n####### not a heading\n## 2b\n";
        Assert.Equal(
            [
                "1 1 \"1\" 1/1/8",
                "2 2 \"2\" 2/2/7",
                "3 3 \"3\" 3/3/7",
                "4 4 \"4\" 4/4/7",
                "5 5 \"5\" 5/5/7",
                "6 6 \"6\" 6/6/7",
                "2 2b \"2b\" 8/8/8",
            ],
            Outline(text));
    }

    [Fact]
    public void Crlf_and_closing_hashes_are_handled()
    {
        const string text = "# Title #\r\n\r\nText\r\n\r\n## Next ##\r\nMore\r\n";
        Assert.Equal(["1 title \"Title\" 1/1/6", "2 next \"Next\" 5/5/6"], Outline(text));
    }

    [Fact]
    public void Section_text_is_the_heading_and_its_lines()
    {
        const string text = "# A\r\n\r\nIntro.\r\n\r\n## B\r\nBody of B.\r\n\r\n# C\r\n";
        var outline = Outliner.Outline("doc.md", text);
        var b = MarkdownSections.Find(outline, "b");
        Assert.NotNull(b);
        Assert.Equal("## B\nBody of B.", MarkdownSections.Text(text, b));
        Assert.Equal("# A\n\nIntro.\n\n## B\nBody of B.", MarkdownSections.Text(text, MarkdownSections.Find(outline, "a")!));
        Assert.Equal("# C", MarkdownSections.Text(text, MarkdownSections.Find(outline, "c")!));
        Assert.Null(MarkdownSections.Find(outline, "B"));
    }

    [Fact]
    public void A_file_without_headings_has_no_symbols()
    {
        Assert.Empty(Outliner.Outline("doc.md", "Just text.\n\n- a list\n").Symbols);
        Assert.Empty(Outliner.Outline("doc.md", string.Empty).Symbols);
    }
}
