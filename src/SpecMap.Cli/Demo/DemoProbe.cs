using SpecMap.Cli.Commands;

namespace SpecMap.Cli.Demo;

/// <summary>
/// The demo's probe step: the example server serving the incident's payload (`--inject bug5`), probed live. It runs
/// only where Debian's python3-fastapi and python3-uvicorn are installed, and says so otherwise.
/// </summary>
internal static class DemoProbe
{
    private const string MappingPath = "mapping/examples/SPEC_TO_CODE_MAPPING.json";

    public static void Run(TextWriter stdout)
    {
        stdout.WriteLine();
        if (ExampleServer.MissingPrerequisite is { } missing)
        {
            stdout.WriteLine($"specmap demo: no probe step ({missing}).");
            return;
        }
        // A fresh copy of the example (the demo repository's second commit moved the server's files).
        var root = Path.Combine(Path.GetTempPath(), "specmap-demo-probe-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            DemoRepository.WriteExample(root);
            using var server = ExampleServer.Start(Path.Combine(root, "mapping", "examples", "server"), "bug5");
            stdout.WriteLine($"The example server now serves the incident's payload (serve.py --inject bug5) at {server.BaseUrl}.");
            stdout.WriteLine($"$ specmap probe --base-url {server.BaseUrl} {MappingPath}");
            var options = new ProbeCommandOptions(server.BaseUrl, null, null, null, null, "text", null, MappingPath, "SPECMAP_DEMO_NO_TOKEN", null,
                30, null, 0, null, "info");
            var exit = ProbeCommand.Run(options, stdout, stdout, root);
            stdout.WriteLine(exit == ExitCodes.ErrorsRemain
                ? "specmap probe caught the incident live (exit code 1): `delta` arrived as an object where the spec requires a string."
                : $"specmap probe finished with exit code {exit}.");
        }
        catch (InvalidOperationException e)
        {
            stdout.WriteLine($"specmap demo: the probe step could not start the example server: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
