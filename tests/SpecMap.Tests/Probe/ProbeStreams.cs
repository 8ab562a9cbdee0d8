namespace SpecMap.Tests.Probe;

/// <summary>Small well-formed Responses streams for the transport tests.</summary>
internal static class ProbeStreams
{
    public const string Text = """
        event: response.created
        data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","output":[]}}

        : a comment the parser skips

        event: response.output_text.delta
        data: {"type":"response.output_text.delta","sequence_number":1,"item_id":"msg_1","output_index":0,"content_index":0,
        data: "delta":"Hi"}

        event: response.completed
        data: {"type":"response.completed","sequence_number":2,"response":{"id":"resp_1","object":"response","status":"completed","output":[]}}

        data: [DONE]


        """;
}
