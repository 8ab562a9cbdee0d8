using System.Buffers;
using System.Text;

namespace SpecMap.Core.Output;

/// <summary>
/// The bytes a <see cref="System.Text.Json.Utf8JsonWriter"/> writes, decoded as UTF-8 into a <see cref="TextWriter"/>
/// one chunk at a time: a report goes out as it is written instead of being built whole first (issue 15: at 100,000
/// references the JSON report was 90 MB, held three times over as bytes, a copy and a string before it was written).
/// The writer hands its memory back (Advance) before it asks for more, so one chunk is reused throughout.
/// </summary>
internal sealed class TextWriterBuffer(TextWriter output) : IBufferWriter<byte>
{
    // Both buffers stay under the large object threshold (85,000 bytes; the chars are twice the bytes): the report is
    // written last, and a large allocation there counted against a budget the run had nearly spent and set off a full
    // collection of everything it had built (issue 15: 30 M of 166 M instructions of a cold run with nothing drifted).
    private const int ChunkBytes = 32 * 1024;

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private byte[] _bytes = new byte[ChunkBytes];
    private char[] _chars = new char[ChunkBytes + 1];

    public void Advance(int count)
    {
        // A character split across two chunks waits in the decoder for its other bytes.
        var written = _decoder.GetChars(_bytes, 0, count, _chars, 0, flush: false);
        output.Write(_chars, 0, written);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > _bytes.Length)
        {
            _bytes = new byte[sizeHint];
            _chars = new char[sizeHint + 1];
        }
        return _bytes;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
