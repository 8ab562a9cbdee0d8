namespace SpecMap.Cli.Terminal;

/// <summary>A write to stdout or stderr found the reader gone (`specmap … | head`): not a bug, and nothing left to tell.</summary>
internal sealed class BrokenPipeException : IOException
{
    public BrokenPipeException()
        : base("the reader of the output went away")
    {
    }

    public BrokenPipeException(int descriptor)
        : base($"the reader of file descriptor {descriptor} went away")
    {
    }

    public BrokenPipeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
