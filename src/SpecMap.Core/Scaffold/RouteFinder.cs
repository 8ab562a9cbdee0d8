using System.Text.RegularExpressions;
using SpecMap.Core.Outline;

namespace SpecMap.Core.Scaffold;

/// <summary>A route the code declares, with its handler: a function or method, or the lines of a minimal-API lambda.</summary>
/// <param name="Handler">The handler's reference.</param>
/// <param name="Header">The text that declares the handler's parameters (for its request model).</param>
/// <param name="Nested">The handler is a function inside a function (an app factory's route): another declaration of the
/// same route at the top level is preferred.</param>
internal sealed record CodeRoute(string Method, string Path, ScaffoldReference Handler, string Header, bool Nested = false);

/// <summary>
/// Finds route declarations by their text, then their handlers in the outline: Python decorators (`@app.post("/v1/x")`,
/// `@router.get(...)`, `@app.route("/x", methods=["POST"])`), ASP.NET attributes (`[HttpPost("x")]` under a class
/// `[Route("v1/[controller]")]`) and minimal APIs (`app.MapPost("/v1/x", handler)`). Prefixes set elsewhere (a router's
/// `prefix=`, `MapGroup`) are not followed; the server path of the spec (`/v1`) may be on either side.
/// </summary>
internal static partial class RouteFinder
{
    public static List<CodeRoute> Find(CodeIndex index)
    {
        var routes = new List<CodeRoute>();
        foreach (var path in index.CodeFiles)
        {
            if (index.Text(path) is not { } text || !RouteHint().IsMatch(text) || index.Outline(path) is not { } outline)
            {
                continue;
            }
            if (path.EndsWith(".py", StringComparison.Ordinal))
            {
                Python(path, index.Lines(path), outline, routes);
            }
            else
            {
                Controllers(path, index.Lines(path), outline, routes);
                MinimalApis(path, text, index.Lines(path), outline, routes);
            }
        }
        return routes;
    }

    private static void Python(string path, string[] lines, SourceOutline outline, List<CodeRoute> routes)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            string? method = null, route = null;
            if (PythonVerb().Match(lines[i]) is { Success: true } verb)
            {
                (method, route) = (verb.Groups["verb"].Value.ToUpperInvariant(), verb.Groups["path"].Value);
            }
            else if (PythonRoute().Match(lines[i]) is { Success: true } generic)
            {
                route = generic.Groups["path"].Value;
                method = Methods().Match(generic.Groups["rest"].Value) is { Success: true } m ? m.Groups["verb"].Value.ToUpperInvariant() : "GET";
            }
            var line = i + 1;
            if (method is null || route is null
                || outline.Symbols.Where(s => CodeIndex.IsFunction(s.Kind) && s.Start <= line && line < s.DefLine).OrderBy(s => s.LineCount).FirstOrDefault() is not { } handler)
            {
                continue;
            }
            routes.Add(new CodeRoute(method, FlaskParameters().Replace(route, "{${name}}"), CodeIndex.ReferenceTo(path, outline, handler), Header(lines, handler.DefLine),
                handler.Kind == SymbolKinds.Local));
        }
    }

    private static void Controllers(string path, string[] lines, SourceOutline outline, List<CodeRoute> routes)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i + 1;
            if (HttpAttribute().Match(lines[i]) is not { Success: true } attribute
                || outline.Symbols.Where(s => s.Kind == SymbolKinds.Method && s.Start <= line && line < s.DefLine).FirstOrDefault() is not { } handler)
            {
                continue;
            }
            var type = outline.Symbols.Where(s => SymbolKinds.IsTypeLike(s.Kind) && s.Covers(handler.Start, handler.End)).OrderBy(s => s.LineCount).FirstOrDefault();
            var prefix = type is null ? null : Enumerable.Range(type.Start, Math.Max(0, type.DefLine - type.Start))
                .Select(l => RouteAttribute().Match(lines[l - 1])).FirstOrDefault(m => m.Success)?.Groups["path"].Value;
            var template = attribute.Groups["path"].Success ? attribute.Groups["path"].Value : string.Empty;
            var full = template.StartsWith('/') || template.StartsWith("~/", StringComparison.Ordinal)
                ? template.TrimStart('~')
                : "/" + string.Join('/', new[] { prefix ?? string.Empty, template }.Select(p => p.Trim('/')).Where(p => p.Length > 0));
            if (type is not null)
            {
                var controller = type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name[..^"Controller".Length] : type.Name;
                full = full.Replace("[controller]", controller.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase);
            }
            full = full.Replace("[action]", handler.Name.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase);
            routes.Add(new CodeRoute(attribute.Groups["verb"].Value.ToUpperInvariant(), full, CodeIndex.ReferenceTo(path, outline, handler), Header(lines, handler.DefLine)));
        }
    }

    private static void MinimalApis(string path, string text, string[] lines, SourceOutline outline, List<CodeRoute> routes)
    {
        foreach (Match map in MapCall().Matches(text))
        {
            var open = text.IndexOf('(', map.Index);
            var close = MatchingParen(text, open);
            var startLine = LineOf(text, map.Index);
            var endLine = LineOf(text, close);
            var arguments = text[(open + 1)..close];
            var handlerText = arguments[(arguments.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim();
            ScaffoldReference handler;
            var header = arguments;
            if (MethodGroup().IsMatch(handlerText)
                && outline.Symbols.FirstOrDefault(s => s.Kind == SymbolKinds.Method && s.Name == handlerText[(handlerText.LastIndexOf('.') + 1)..]) is { } method)
            {
                handler = CodeIndex.ReferenceTo(path, outline, method);
                header = Header(lines, method.DefLine);
            }
            else
            {
                // A lambda: the lines of the Map call stand for the handler (the innermost declaration around them).
                handler = new ScaffoldReference(path, startLine, endLine, null);
            }
            routes.Add(new CodeRoute(map.Groups["verb"].Value.ToUpperInvariant(), map.Groups["path"].Value, handler, header));
        }
    }

    /// <summary>The declaration line and those after it up to the one that closes the parameter list (at most 30).</summary>
    public static string Header(string[] lines, int defLine)
    {
        var parts = new List<string>();
        var depth = 0;
        for (var i = defLine - 1; i < Math.Min(lines.Length, defLine + 29); i++)
        {
            parts.Add(lines[i].Trim());
            depth += lines[i].Count(c => c == '(') - lines[i].Count(c => c == ')');
            if (depth <= 0 && lines[i].Contains(')', StringComparison.Ordinal))
            {
                break;
            }
        }
        return string.Join(' ', parts);
    }

    /// <summary>The offset of the `)` closing the `(` at <paramref name="open"/>, skipping string and char literals.</summary>
    private static int MatchingParen(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                for (i++; i < text.Length && text[i] != c && text[i] != '\n'; i++)
                {
                    i += text[i] == '\\' ? 1 : 0;
                }
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }
        return text.Length - 1;
    }

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    [GeneratedRegex(@"@[\w.]+\.(?:get|post|put|patch|delete|head|options|route|api_route)\(|\[(?:[\w.]*\.)?Http(?:Get|Post|Put|Patch|Delete|Head|Options)\b|\.Map(?:Get|Post|Put|Patch|Delete)\(")]
    private static partial Regex RouteHint();

    [GeneratedRegex(@"^\s*@[\w.]+\.(?<verb>get|post|put|patch|delete|head|options)\(\s*[rRuU]?(?<q>[""'])(?<path>[^""']*)\k<q>")]
    private static partial Regex PythonVerb();

    [GeneratedRegex(@"^\s*@[\w.]+\.(?:route|api_route)\(\s*[rRuU]?[""'](?<path>[^""']*)[""'](?<rest>.*)$")]
    private static partial Regex PythonRoute();

    [GeneratedRegex(@"methods\s*=\s*[\[(]\s*[""'](?<verb>[A-Za-z]+)[""']")]
    private static partial Regex Methods();

    [GeneratedRegex(@"<(?:\w+:)?(?<name>\w+)>")]
    private static partial Regex FlaskParameters();

    [GeneratedRegex(@"\[\s*(?:[\w.]*\.)?Http(?<verb>Get|Post|Put|Patch|Delete|Head|Options)(?:Attribute)?\b(?:\(\s*(?:template\s*:\s*)?@?""(?<path>[^""]*)"")?")]
    private static partial Regex HttpAttribute();

    [GeneratedRegex(@"\[\s*(?:[\w.]*\.)?Route(?:Attribute)?\(\s*(?:template\s*:\s*)?@?""(?<path>[^""]*)""")]
    private static partial Regex RouteAttribute();

    [GeneratedRegex(@"\.Map(?<verb>Get|Post|Put|Patch|Delete)\(\s*@?""(?<path>[^""]*)""\s*,")]
    private static partial Regex MapCall();

    [GeneratedRegex(@"^[A-Za-z_][\w.]*$")]
    private static partial Regex MethodGroup();
}
