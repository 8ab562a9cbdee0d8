using System.Diagnostics;

namespace SpecMap.Tests.Support;

/// <summary>Runs the real git program (what users apply patches and commit with).</summary>
internal static class GitProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, string? stdin, params string[] args) =>
        Run(workingDirectory, stdin, new Dictionary<string, string>(), args);

    public static Result Run(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(args[0] == "pre-commit" ? "pre-commit" : "git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args[0] == "pre-commit" ? args[1..] : args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Spec Map";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "specmap@example.invalid";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(600_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static bool IsInstalled(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, program)));
    }
}
