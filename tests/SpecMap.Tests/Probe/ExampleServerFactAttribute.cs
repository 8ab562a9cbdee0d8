using SpecMap.Cli.Demo;

namespace SpecMap.Tests.Probe;

/// <summary>A test that runs the example server: skipped, saying why, where Debian's python3-fastapi and python3-uvicorn are absent.</summary>
internal sealed class ExampleServerFactAttribute : FactAttribute
{
    public ExampleServerFactAttribute()
    {
        if (ExampleServer.MissingPrerequisite is { } missing)
        {
            Skip = missing + "; .ci/install.sh installs them";
        }
    }
}
