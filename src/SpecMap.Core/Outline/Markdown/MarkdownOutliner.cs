using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SpecMap.Core.Outline.Markdown;

/// <summary>Outlines Markdown with Markdig: every heading (ATX and setext), its GitHub slug and its section's lines.</summary>
/// <remarks>
/// Name is the heading's text with inline formatting stripped; QualifiedName is GitHub's slug (duplicates `-1`, `-2`);
/// Level is 1..6. Start = DefLine = the heading's text line (for setext headings not the underline). End is the line
/// before the next heading of the same or a higher level (or the end of the file), trailing blank lines excluded.
/// Headings inside code blocks, HTML blocks or YAML front matter are not headings. Headings in block quotes and
/// list items count (GitHub gives them anchors too).
/// </remarks>
internal sealed class MarkdownOutliner : IOutliner
{
    // A built pipeline is immutable and safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseYamlFrontMatter()
        .Build();

    public string Language => "markdown";

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public SourceOutline Outline(string path, string text)
    {
        if (!MarkdownBudget.FitsMarkdig(text))
        {
            return new SourceOutline(path, Language, MarkdownBudget.ScanHeadings(text));
        }
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than 127 levels; the line scanner has no depth.
            return new SourceOutline(path, Language, MarkdownBudget.ScanHeadings(text));
        }
        var lines = LineStarts.Of(text);
        var headings = new List<(HeadingBlock Block, int Line)>();
        foreach (var block in document.Descendants<HeadingBlock>())
        {
            // For setext headings HeadingBlock.Line is the underline; Span.Start is the text's first character.
            headings.Add((block, lines.LineOf(block.Span.Start)));
        }
        var lastLine = lines.Count;
        var symbols = ImmutableArray.CreateBuilder<OutlineSymbol>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var (block, line) = headings[i];
            var next = lastLine + 1;
            for (var j = i + 1; j < headings.Count; j++)
            {
                if (headings[j].Block.Level <= block.Level)
                {
                    next = headings[j].Line;
                    break;
                }
            }
            var end = Math.Max(line, lines.LastNonBlankBefore(text, next, line));
            var name = PlainText(block);
            var slug = block.GetAttributes().Id ?? string.Empty;
            symbols.Add(new OutlineSymbol(SymbolKinds.Heading, name, slug, line, line, end, Level: block.Level));
        }
        return new SourceOutline(path, Language, symbols.MoveToImmutable());
    }

    /// <summary>The heading's text as a reader sees it: emphasis, code and link markup removed, HTML tags dropped.</summary>
    private static string PlainText(HeadingBlock heading)
    {
        var text = new StringBuilder();
        if (heading.Inline is not null)
        {
            AppendInlines(heading.Inline, text);
        }
        return text.ToString().Trim();
    }

    private static void AppendInlines(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline nested:
                    AppendInlines(nested, text);
                    break;
                default:
                    // Raw HTML tags carry no text of their own.
                    break;
            }
        }
    }
}
