using System.Diagnostics;

namespace SpecMap.Cli.Demo;

/// <summary>
/// The example server (mapping/examples/server/serve.py) as a child process on 127.0.0.1 and a free port, for
/// `specmap demo` and the tests. It runs under Debian's python (/usr/bin/python3), which has python3-fastapi and
/// python3-uvicorn; the `python3` first on PATH may be a pyenv build without them.
/// </summary>
internal sealed class ExampleServer : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string Script = "serve.py";
    private static readonly Lazy<string?> Missing = new(FindMissing);
    private readonly Process _process;

    private ExampleServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Why the server cannot run here (no Debian python, or no FastAPI/uvicorn), or null when it can.</summary>
    public static string? MissingPrerequisite => Missing.Value;

    /// <param name="serverFolder">The folder holding serve.py (mapping/examples/server).</param>
    /// <param name="inject">A fault to serve (`bug5`), or null for the clean server.</param>
    public static ExampleServer Start(string serverFolder, string? inject = null)
    {
        var start = new ProcessStartInfo(Python)
        {
            WorkingDirectory = serverFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(serverFolder, Script), "--host", "127.0.0.1", "--port", "0" }.Concat(inject is null ? [] : ["--inject", inject]))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        // serve.py binds first, then prints `listening on http://127.0.0.1:PORT`.
        var first = process.StandardOutput.ReadLineAsync();
        if (!first.Wait(TimeSpan.FromSeconds(30)) || first.Result is not { } line || !line.StartsWith("listening on ", StringComparison.Ordinal))
        {
            Stop(process);
            throw new InvalidOperationException($"the example server did not start: {(stderr.IsCompleted ? stderr.Result.Trim() : "no answer in 30 s")}");
        }
        _ = process.StandardOutput.ReadToEndAsync();
        return new ExampleServer(process, line["listening on ".Length..].Split(' ')[0]);
    }

    private static string? FindMissing()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is not installed";
        }
        try
        {
            var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import fastapi, uvicorn");
            using var process = Process.Start(start)!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0 ? null : "Debian's python3-fastapi and python3-uvicorn are not installed (apt-get install -y python3-fastapi python3-uvicorn)";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{Python} cannot run: {e.Message}";
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }

    public void Dispose() => Stop(_process);
}
