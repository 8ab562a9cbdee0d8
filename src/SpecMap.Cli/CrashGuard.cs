namespace SpecMap.Cli;

/// <summary>
/// Turns a failure no command expected (a bug, or input nothing anticipated) into one line and exit
/// <see cref="ExitCodes.InternalError"/>, so CI and hooks never mistake a crash for findings (exit 1). `--verbose`
/// adds the trace.
/// </summary>
internal static class CrashGuard
{
    public static int Run(Func<int> command, TextWriter stderr, bool verbose)
    {
        try
        {
            return command();
        }
        catch (Terminal.BrokenPipeException)
        {
            return ExitCodes.BrokenPipe;
        }
#pragma warning disable CA1031 // The point: every exception becomes a line and an exit code, never a trace by default.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var firstLine = (e.Message.Split('\n', 2)[0].Trim() is { Length: > 0 } m ? m : "(no message)");
            if (firstLine.Length > 300)
            {
                firstLine = firstLine[..300] + "…";
            }
            stderr.WriteLine($"specmap: internal error: {e.GetType().Name}: {firstLine}");
            if (verbose)
            {
                stderr.WriteLine(e.ToString());
            }
            else
            {
                stderr.WriteLine("specmap: this is a bug in specmap, not a finding; re-run with --verbose for the trace and report it");
            }
            stderr.Flush();
            return ExitCodes.InternalError;
        }
    }
}
