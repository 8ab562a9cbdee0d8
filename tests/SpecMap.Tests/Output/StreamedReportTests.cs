using System.Text;
using SpecMap.Core.Output;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Output;

/// <summary>
/// The JSON report is streamed into its writer chunk by chunk (issue 15: at 100,000 references it was built whole,
/// 90 MB held several times over): what is written must be the text <c>Format</c> returns, character for character,
/// also where a chunk boundary splits a character of several UTF-8 bytes.
/// </summary>
public sealed class StreamedReportTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Streamed_json_equals_the_formatted_text_across_many_chunks()
    {
        var code = new StringBuilder();
        var items = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            code.Append($"def handler_{i}():\n    return {i}\n\n");
            // Two-, three- and four-byte characters in every item's name: some straddle a 64 KB chunk boundary.
            items.Add($"\"é€😀 item {i}\": \"src/app.py:{(3 * i) + 1}-{(3 * i) + 2}#handler_{i}\"");
        }
        _repo.Write("src/app.py", code.ToString()).Write("map.json", "{ " + string.Join(",\n", items) + " }");
        _repo.Commit("initial");
        _repo.Write("src/app.py", "# shifted\n" + code);
        _repo.Commit("one line on top");
        var report = new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"]));
        var formatter = new JsonReportFormatter();
        var statistics = ReportStatistics.Of(report);
        var expected = formatter.Format(report, statistics);

        using var written = new StringWriter();
        ((IReportFormatter)formatter).Write(report, statistics, written);

        Assert.True(Encoding.UTF8.GetByteCount(expected) > 3 * 64 * 1024, "the report spans several chunks");
        Assert.Contains("é€", expected, StringComparison.Ordinal);
        Assert.Contains("item 399", expected, StringComparison.Ordinal);
        Assert.Equal(expected, written.ToString());
    }
}
