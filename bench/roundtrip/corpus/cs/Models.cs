// Round-trip corpus: shapes common in generated SDKs.
using System;
using System.Collections.Generic;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Corpus.Sdk.Models;

public interface IJsonModel<T>
{
    void Write(Utf8JsonWriter writer, ModelReaderWriterOptions options);
    T Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options);
}

public interface IPersistableModel<T>
{
    BinaryData Write(ModelReaderWriterOptions options);
    T Create(BinaryData data, ModelReaderWriterOptions options);
    string GetFormatFromOptions(ModelReaderWriterOptions options);
}

public partial class ResponseItem : IJsonModel<ResponseItem>, IPersistableModel<ResponseItem>
{
    public string Id { get; set; } = "";

    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();

    void IJsonModel<ResponseItem>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options)
    {
        writer.WriteStartObject();
        JsonModelWriteCore(writer, options);
        writer.WriteEndObject();
    }

    protected virtual void JsonModelWriteCore(Utf8JsonWriter writer, ModelReaderWriterOptions options)
    {
        writer.WriteString("id", Id);
    }

    ResponseItem IJsonModel<ResponseItem>.Create(ref Utf8JsonReader reader, ModelReaderWriterOptions options)
        => JsonModelCreateCore(ref reader, options);

    protected virtual ResponseItem JsonModelCreateCore(ref Utf8JsonReader reader, ModelReaderWriterOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return DeserializeResponseItem(document.RootElement, options);
    }

    internal static ResponseItem DeserializeResponseItem(JsonElement element, ModelReaderWriterOptions options)
    {
        return new ResponseItem { Id = element.GetProperty("id").GetString() ?? "" };
    }

    BinaryData IPersistableModel<ResponseItem>.Write(ModelReaderWriterOptions options)
        => ModelReaderWriter.Write(this, options);

    ResponseItem IPersistableModel<ResponseItem>.Create(BinaryData data, ModelReaderWriterOptions options)
        => ModelReaderWriter.Read<ResponseItem>(data, options)!;

    string IPersistableModel<ResponseItem>.GetFormatFromOptions(ModelReaderWriterOptions options) => "J";
}

public partial class ResponseItem
{
    public static implicit operator BinaryContent(ResponseItem item) => BinaryContent.Create(item);

    public static explicit operator ResponseItem(ClientResult result) => DeserializeResponseItem(JsonDocument.Parse(result.GetRawResponse().Content).RootElement, ModelReaderWriterOptions.Json);
}

public sealed record ResponseUsage(int InputTokens, int OutputTokens)
{
    public int TotalTokens => InputTokens + OutputTokens;

    public static ResponseUsage operator +(ResponseUsage left, ResponseUsage right)
        => new(left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens);

    public static bool operator true(ResponseUsage usage) => usage.TotalTokens > 0;

    public static bool operator false(ResponseUsage usage) => usage.TotalTokens == 0;
}

public readonly record struct TokenSpan(int Start, int Length);

public record class StreamingUpdate
{
    public required string Kind { get; init; }
    public int SequenceNumber { get; init; }
}
