using System.Diagnostics;
using SpecMap.Cli;
using SpecMap.Cli.Terminal;

namespace SpecMap.Tests.Support;

/// <summary>
/// Runs whole `specmap` command lines: in-process by default (the same parsing and dispatch as the program, with its own
/// writers and working directory), or as the real program in a process where the process itself is the point.
/// </summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The command line run in-process, as if started in <paramref name="workingDirectory"/> with no GIT_* variables.</summary>
    public static Result Run(string workingDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = SpecMapCli.Run(args, stdout, stderr, workingDirectory);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// The command line in-process as if stdout and stderr were a person's terminal (a fake TTY: the writers are still
    /// strings), with the given environment.
    /// </summary>
    public static Result RunInTerminal(string workingDirectory, Func<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = SpecMapCli.Run(args, stdout, stderr, workingDirectory, environment, new TerminalFacts(true, true));
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The real program (the built specmap.dll) as a process, as a user would start it: exit codes and streams for real.</summary>
    public static Result RunProcess(string workingDirectory, params string[] args) =>
        RunProgram(workingDirectory, "dotnet", [Path.Combine(AppContext.BaseDirectory, "specmap.dll"), .. args]);

    /// <summary>Any build of specmap as a process (`dotnet specmap.dll ...`, or a native binary).</summary>
    public static Result RunProgram(string workingDirectory, string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"specmap {string.Join(' ', args)} did not finish in 120 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
