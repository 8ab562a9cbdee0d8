using System.Runtime.InteropServices;

namespace SpecMap.Cli.Terminal;

/// <summary>
/// A write-only stream over a file descriptor through write(2): it writes at the descriptor's own offset, so
/// `2>>log` appends and a shared descriptor stays in order (a FileStream on the handle would write from offset 0), and
/// it never initialises .NET's console (which would send `ESC[?1h ESC=` to the terminal).
/// </summary>
internal sealed partial class DescriptorStream(int descriptor) : Stream
{
    private const int Interrupted = 4; // EINTR

    private const int PipeClosed = 32; // EPIPE: the reader went away (`specmap … | head`)

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var written = NativeWrite(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (written < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Interrupted)
                {
                    continue;
                }
                throw errno == PipeClosed
                    ? new BrokenPipeException(descriptor)
                    : new IOException($"write to file descriptor {descriptor} failed (errno {errno})");
            }
            buffer = buffer[(int)written..];
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int descriptor, ref byte buffer, nint count);
}
