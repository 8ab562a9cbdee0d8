using System.Text.Json.Nodes;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;
using static SpecMap.Tests.Probe.Checks.ProbeFixtures;

namespace SpecMap.Tests.Probe.Checks;

/// <summary>SMV0506-SMV0512: the order and consistency rules of a stream, each broken once; the clean stream passes them all.</summary>
public sealed class StreamRuleTests
{
    [Fact]
    public void Sequence_numbers_must_start_at_0_and_rise_by_1()
    {
        var gap = Check(With(4, e => e["sequence_number"] = 7)).Of(RuleIds.SequenceNumberBroken);
        Assert.Equal([(4, "4", "7"), (5, "8", "5")], gap.Select(f => (f.EventIndex!.Value, f.Expected, f.Actual)));
        var late = Assert.Single(Check(CleanEvents().Select((e, i) => Renumber(e, i + 1))).Of(RuleIds.SequenceNumberBroken));
        Assert.Equal((0, "0", "1"), (late.EventIndex!.Value, late.Expected, late.Actual));
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.SequenceNumberBroken));
    }

    [Fact]
    public void Response_created_comes_first()
    {
        var events = CleanEvents();
        (events[0], events[1]) = (events[1], events[0]);
        var findings = Check(events.Select(Renumber)).Of(RuleIds.CreatedNotFirst);
        Assert.Equal([0, 1], findings.Select(f => f.EventIndex!.Value).Order());
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.CreatedNotFirst));
    }

    [Fact]
    public void Exactly_one_terminal_event_and_it_comes_last()
    {
        var missing = Assert.Single(Check(CleanEvents()[..^1]).Of(RuleIds.TerminalEventWrong));
        Assert.Null(missing.EventIndex);
        var twice = CleanEvents().Append(Renumber(CleanEvents()[^1], 10));
        var second = Assert.Single(Check(twice).Of(RuleIds.TerminalEventWrong));
        Assert.Equal(10, second.EventIndex);
        var notLast = CleanEvents().Append("""{"type":"response.output_text.delta","sequence_number":10,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"!"}""");
        Assert.Equal(9, Assert.Single(Check(notLast).Of(RuleIds.TerminalEventWrong)).EventIndex);
        var endedByError = CleanEvents()[..^1].Append("""{"type":"error","sequence_number":9,"message":"overloaded"}""");
        Assert.Empty(Check(endedByError).Of(RuleIds.TerminalEventWrong));
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.TerminalEventWrong));
    }

    [Fact]
    public void Events_about_an_item_need_its_output_item_added_first()
    {
        var finding = Assert.Single(Check(With(2, e => e["item_id"] = "msg_9")).Of(RuleIds.DeltaItemUnannounced));
        Assert.Equal((2, "/item_id", "msg_9"), (finding.EventIndex!.Value, finding.Pointer, finding.Actual));
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.DeltaItemUnannounced));
    }

    [Fact]
    public void Joined_deltas_must_equal_the_done_text_and_the_final_response()
    {
        var done = Assert.Single(Check(With(4, e => e["text"] = "Hello!")).Of(RuleIds.DeltasDisagreeWithDone));
        Assert.Equal((4, "/text", "Hello", "Hello!"), (done.EventIndex!.Value, done.Pointer, done.Expected, done.Actual));
        var final = Assert.Single(Check(With(9, e => e["response"]!["output"]![1]!["arguments"] = "{}")).Of(RuleIds.DeltasDisagreeWithDone));
        Assert.Equal((9, "/response/output/1/arguments"), (final.EventIndex!.Value, final.Pointer));
        var text = Assert.Single(Check(With(9, e => e["response"]!["output"]![0]!["content"]![0]!["text"] = "Help")).Of(RuleIds.DeltasDisagreeWithDone));
        Assert.Equal("/response/output/0/content/0/text", text.Pointer);
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.DeltasDisagreeWithDone));
    }

    [Fact]
    public void Function_call_arguments_must_be_json()
    {
        var events = With(7, e => e["delta"] = "\"Par");
        events = [.. events.Select((e, i) => i == 8 ? Edit(e, n => n["arguments"] = "{\"city\":\"Par") : i == 9 ? Edit(e, n => n["response"]!["output"]![1]!["arguments"] = "{\"city\":\"Par") : e)];
        var finding = Assert.Single(Check(events).Of(RuleIds.ArgumentsNotJson));
        Assert.Equal((8, "/arguments"), (finding.EventIndex!.Value, finding.Pointer));
        Assert.Empty(Check(events).Of(RuleIds.DeltasDisagreeWithDone));
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.ArgumentsNotJson));
    }

    [Fact]
    public void The_sse_event_field_must_name_the_payload_type()
    {
        var text = Sse(CleanEvents()).Replace("event: response.output_text.done", "event: response.output_text.delta", StringComparison.Ordinal);
        var finding = Assert.Single(Check(SseRecording.Parse("s", "s.sse", text)).Of(RuleIds.EventFieldDisagreesWithType));
        Assert.Equal((4, "response.output_text.delta", "response.output_text.done"), (finding.EventIndex!.Value, finding.Expected, finding.Actual));
        var withoutFields = SseRecording.Parse("s", "s.sse", string.Concat(CleanEvents().Select(e => $"data: {e}\n\n")));
        Assert.Empty(Check(withoutFields).Findings);
        Assert.Empty(Check(CleanEvents()).Of(RuleIds.EventFieldDisagreesWithType));
    }

    private static string Renumber(string payload, int sequence) => EventSchemaCheckTests.Renumber(payload, sequence);

    private static string Edit(string payload, Action<JsonObject> edit)
    {
        var node = (JsonObject)JsonNode.Parse(payload)!;
        edit(node);
        return node.ToJsonString();
    }
}
