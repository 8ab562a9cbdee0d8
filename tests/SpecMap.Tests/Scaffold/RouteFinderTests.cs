using SpecMap.Core.Outline;
using SpecMap.Core.Scaffold;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Scaffold;

/// <summary>The route declarations `specmap init` finds handlers by, read from a real repository's work tree.</summary>
public sealed class RouteFinderTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Controllers_flask_routes_and_method_groups_are_found_with_their_handlers()
    {
        _repository.Write("src/ResponsesController.cs", """
                namespace Demo;

                [ApiController]
                [Route("v1/[controller]")]
                public class ResponsesController : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Create([FromBody] CreateResponseRequest body) => Ok();

                    [HttpPost("{id}/cancel")]
                    public IActionResult Cancel(string id) => Ok();

                    [HttpGet("/v1/responses/{id}")]
                    public IActionResult Retrieve(string id) => Ok();
                }
                """)
            .Write("src/Program.cs", """
                namespace Demo;

                public static class Routes
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapDelete("/v1/responses/{id}", Handlers.Delete);
                    }
                }

                public static class Handlers
                {
                    public static IResult Delete(string id) => Results.Ok();
                }
                """)
            .Write("app/views.py", """
                from flask import Flask

                app = Flask(__name__)


                @app.route("/v1/responses/<response_id>/input_items", methods=["GET"])
                def input_items(response_id):
                    return []
                """)
            .Write("tests/test_views.py", """
                @app.post("/v1/responses")
                def fake():
                    pass
                """);
        _repository.Commit("routes");

        var routes = RouteFinder.Find(new CodeIndex(new WorkTreeSource(_repository.Root), new Outliners()))
            .Select(r => $"{r.Method} {r.Path} -> {r.Handler.Compact}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "DELETE /v1/responses/{id} -> src/Program.cs:13#Handlers.Delete",
            "GET /v1/responses/{id} -> src/ResponsesController.cs:13-14#ResponsesController.Retrieve",
            "GET /v1/responses/{response_id}/input_items -> app/views.py:6-8#input_items",
            "POST /v1/responses -> src/ResponsesController.cs:7-8#ResponsesController.Create",
            "POST /v1/responses/{id}/cancel -> src/ResponsesController.cs:10-11#ResponsesController.Cancel",
        ], routes);
    }
}
