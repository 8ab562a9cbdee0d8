using SpecMap.Core.Sources;

namespace SpecMap.Cli.Demo;

/// <summary>
/// Builds the demo: the embedded example server and its mapping committed to a fresh repository, then a second
/// commit that drifts the code the way real projects do (lines inserted, a file renamed, a model field retyped).
/// </summary>
internal static class DemoRepository
{
    public const string MappingPath = "mapping/examples/SPEC_TO_CODE_MAPPING.json";
    private const string Server = "mapping/examples/server/vllm/entrypoints/openai/";
    private const string AuthorName = "specmap demo";
    private const string AuthorEmail = "demo@example.invalid";
    private static readonly DateTimeOffset CommitTime = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <returns>The repository root.</returns>
    public static string Create(string root)
    {
        Directory.CreateDirectory(root);
        using var repository = GitRepository.Init(root);
        foreach (var (path, text) in EmbeddedExample())
        {
            Write(root, path, text);
        }
        Commit(repository, "Example server and its spec mapping");

        // Real drift: a logging block pushes the routes down, the serving module moves into a package,
        // and a model's `delta` becomes a dict of lists (the incident specmap was built for).
        Edit(root, Server + "api_server.py", text => text.Replace(
            "router = APIRouter()\n",
            "import logging\n\nlogger = logging.getLogger(__name__)\nTIMEOUT_SECONDS = 600\n\nrouter = APIRouter()\n", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(root, Server, "serving"));
        File.Move(Path.Combine(root, Server, "serving_responses.py"), Path.Combine(root, Server, "serving", "responses.py"));
        Edit(root, Server + "protocol.py", text => text.Replace(
            "class ResponseToolCallDeltaEvent(OpenAIBaseModel):\n    \"\"\"Sent as `response.tool_call.delta`.\"\"\"\n",
            "class ResponseToolCallDeltaContent(OpenAIBaseModel):\n    name: str\n    arguments: str\n\n\n"
                + "class ResponseToolCallDeltaEvent(OpenAIBaseModel):\n    \"\"\"Sent as `response.tool_call.delta`.\"\"\"\n",
            StringComparison.Ordinal).Replace(
            "    delta: str\n\n\nclass ResponseErrorEvent",
            "    delta: dict[str, list[ResponseToolCallDeltaContent]]\n\n\nclass ResponseErrorEvent", StringComparison.Ordinal).Replace(
            // The same change on an item whose `required_fields` lists names only: caught through the OpenAPI document.
            "    delta: str\n\n\nclass ResponseFunctionCallArgumentsDoneEvent",
            "    delta: dict[str, list[ResponseToolCallDeltaContent]]\n\n\nclass ResponseFunctionCallArgumentsDoneEvent", StringComparison.Ordinal));
        Commit(repository, "Refactor the serving layer and stream tool calls as objects");
        return root;
    }

    /// <summary>Writes the shipped example (mapping/examples/**) under <paramref name="root"/>, with no repository around it.</summary>
    public static void WriteExample(string root)
    {
        foreach (var (path, text) in EmbeddedExample())
        {
            Write(root, path, text);
        }
    }

    private static IEnumerable<(string Path, string Text)> EmbeddedExample()
    {
        var assembly = typeof(DemoRepository).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("examples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return ("mapping/" + name, reader.ReadToEnd());
        }
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static void Edit(string root, string path, Func<string, string> change)
    {
        var full = Path.Combine(root, path);
        File.WriteAllText(full, change(File.ReadAllText(full)));
    }

    private static void Commit(GitRepository repository, string message) => repository.CommitAll(message, AuthorName, AuthorEmail, CommitTime);
}
