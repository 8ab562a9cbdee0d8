using SpecMap.Core.Sources;

namespace SpecMap.Tests.Sources;

/// <summary>The vectorised line count agrees with the split every reader uses, for every mix of line endings.</summary>
public sealed class TextLinesTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\r\nb", 2)]
    [InlineData("a\rb\r", 2)]
    [InlineData("\r\n\r\n", 2)]
    [InlineData("\n\r", 2)]
    [InlineData("a\r\r\nb\n\n", 4)]
    public void Count_gives_the_number_of_lines(string text, int expected) => Assert.Equal(expected, TextLines.Count(text));

    [Fact]
    public void Count_equals_the_length_of_the_split_on_random_texts()
    {
        var random = new Random(15);
        var alphabet = new[] { 'a', '\n', '\r', ' ' };
        for (var n = 0; n < 5000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.True(TextLines.Split(text).Length == TextLines.Count(text), $"text {Escape(text)}");
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
