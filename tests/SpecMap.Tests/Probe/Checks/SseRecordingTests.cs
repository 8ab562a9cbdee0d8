using SpecMap.Core.Probe.Checks;

namespace SpecMap.Tests.Probe.Checks;

/// <summary>The `.sse` reader: the event-stream field rules the replay depends on.</summary>
public sealed class SseRecordingTests
{
    [Fact]
    public void Events_with_names_multi_line_data_comments_and_done()
    {
        const string text = ": keep-alive\n"
            + "event: response.created\n"
            + "data: {\"a\":\n"
            + "data: 1}\n"
            + "\n"
            + "data:{\"b\":2}\n"
            + "id: 7\n"
            + "\n"
            + "data: [DONE]\n"
            + "\n";
        var stream = SseRecording.Parse("s", "s.sse", text);
        Assert.Equal(2, stream.Events.Length);
        Assert.Equal("response.created", stream.Events[0].EventName);
        Assert.Equal("{\"a\":\n1}", stream.Events[0].Data);
        Assert.Equal(2, stream.Events[0].Line);
        Assert.Null(stream.Events[1].EventName);
        Assert.Equal("{\"b\":2}", stream.Events[1].Data);
        Assert.Equal(1, stream.Events[1].Index);
        Assert.Equal(6, stream.Events[1].Line);
        Assert.True(stream.SawDone);
        Assert.Equal("s", stream.Scenario);
    }

    [Fact]
    public void Crlf_and_cr_line_ends_a_bom_and_a_missing_final_blank_line()
    {
        var stream = SseRecording.Parse("s", "s.sse", "\uFEFFevent: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2");
        Assert.Equal(["a", "b"], stream.Events.Select(e => e.EventName));
        Assert.Equal(["1", "2"], stream.Events.Select(e => e.Data));
        Assert.False(stream.SawDone);
    }

    [Fact]
    public void An_event_field_without_data_is_not_an_event()
    {
        var stream = SseRecording.Parse("s", "s.sse", "event: ping\n\nevent: x\ndata: 1\n\n");
        Assert.Equal("x", Assert.Single(stream.Events).EventName);
    }
}
