using SpecMap.Cli;

namespace SpecMap.Tests.Cli;

/// <summary>The escaping of a whole string (one vectorised scan) and of one character at a time agree on every UTF-16 unit.</summary>
public sealed class TerminalSafeWriterTests
{
    [Fact]
    public void Every_character_is_escaped_the_same_way_in_a_string_and_alone()
    {
        var differing = new List<int>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            using var single = new StringWriter();
            new TerminalSafeWriter(single).Write((char)c);
            var text = "a" + (char)c + "b";
            if (TerminalSafeWriter.Escape(text) != "a" + single + "b")
            {
                differing.Add(c);
            }
        }
        Assert.Empty(differing);
    }

    [Theory]
    [InlineData("plain text\n\twith tabs", "plain text\n\twith tabs")]
    [InlineData("bell\a and escape\e[31m", "bell\\x07 and escape\\x1b[31m")]
    [InlineData("right-to-left \u202E override", "right-to-left \\u202e override")]
    [InlineData("C1 \u0085 control", "C1 \\x85 control")]
    public void Control_characters_are_shown_and_the_rest_passes(string text, string shown) =>
        Assert.Equal(shown, TerminalSafeWriter.Escape(text));
}
