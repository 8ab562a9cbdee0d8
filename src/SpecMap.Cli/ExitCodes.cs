namespace SpecMap.Cli;

/// <summary>Exit codes of every command (contract §2).</summary>
internal static class ExitCodes
{
    /// <summary>No errors (warnings allowed).</summary>
    public const int Clean = 0;

    /// <summary>Errors remain (with --fix: unfixed errors remain).</summary>
    public const int ErrorsRemain = 1;

    /// <summary>Bad invocation or unreadable input (invalid JSON, missing repository).</summary>
    public const int BadInput = 2;

    /// <summary>`specmap probe`: the server could not be reached by any scenario.</summary>
    public const int ServerUnreachable = 3;

    /// <summary>specmap itself failed (an unexpected exception): never a result. 70 is EX_SOFTWARE of sysexits.h;
    /// 3 is taken by `probe` (server unreachable).</summary>
    public const int InternalError = 70;

    /// <summary>The reader of stdout went away (`specmap … | head`): 128 + SIGPIPE, what a Unix tool killed by SIGPIPE
    /// exits with, so `set -o pipefail` still sees the output was cut. Nothing is printed.</summary>
    public const int BrokenPipe = 141;
}
