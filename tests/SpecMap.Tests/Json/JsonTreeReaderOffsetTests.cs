using SpecMap.Core.Json;

namespace SpecMap.Tests.Json;

/// <summary>Spans are char offsets whether the text is ASCII (read without a byte-to-char table) or not.</summary>
public sealed class JsonTreeReaderOffsetTests
{
    [Theory]
    [InlineData("""{ "a": "x.py:1", "b": [1, true, null] }""")]
    [InlineData("""{ "é": "ü.py:1", "b": [1, true, null] }""")]
    [InlineData("""{ "😀": "x.py:1", "b": [1, true, null] }""")]
    public void Every_span_covers_its_own_text(string text)
    {
        var root = (JsonObjectNode)JsonTreeReader.Parse(text);
        Assert.Equal((0, text.Length), (root.Start, root.End));
        var first = root.Members[0];
        Assert.Equal('"', text[first.NameStart]);
        Assert.Equal($"\"{((JsonStringNode)first.Value).Value}\"", text[first.Value.Start..first.Value.End]);
        var items = ((JsonArrayNode)root.Members[1].Value).Items;
        Assert.Equal(["1", "true", "null"], items.Select(i => text[i.Start..i.End]));
    }
}
