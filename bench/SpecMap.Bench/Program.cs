using System.Diagnostics;
using SpecMap.Core.OpenApi;

// One measurement per process, so start-up and JIT count as they do in a pre-commit run; bench/openapi.sh takes medians.
//   openapi cold FILE          parse and resolve (no cache), then read the stream events and their fields
//   openapi warm FILE CACHE    the same through the cache folder (run once before to fill it)
//   openapi parse-only FILE    only the document reader (YamlDotNet events for YAML, Utf8JsonReader for JSON)
if (args is not ["openapi", var mode, var file, ..])
{
    Console.Error.WriteLine("usage: SpecMap.Bench openapi cold|warm|parse-only FILE [CACHE]");
    return 2;
}
// The machine is shared: besides wall-clock time, report this process's CPU time, which other load disturbs less.
using var self = Process.GetCurrentProcess();
var cpuStart = self.TotalProcessorTime;
var clock = Stopwatch.StartNew();
var bytes = File.ReadAllBytes(file);
var readMs = clock.Elapsed.TotalMilliseconds;
if (mode == "parse-only")
{
    OpenApiDocumentReader.Read(bytes, file);
    Console.WriteLine($"parse-only {clock.Elapsed.TotalMilliseconds:F0} ms, cpu {Cpu():F0} ms (file read {readMs:F0} ms)");
    return 0;
}
if (mode == "warm-loop")
{
    // The cache read alone, JIT warmed: N loads through the filled cache with the blob id given (as a tree read has it),
    // each then reading the five events a small mapping names. Prints the mean per load.
    var cache = args.Length > 3 ? args[3] : throw new ArgumentException("warm-loop needs CACHE");
    var blob = SpecMap.Core.Sources.GitBlobId.Of(bytes);
    var loops = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 50;
    double LoadFive()
    {
        var loaded = OpenApiLoader.Load(bytes, file, cache, blob, out _);
        return loaded.StreamEvents("POST", "/v1/responses").Take(5).Sum(e => loaded.Schema(e.Schema)?.Fields.Length ?? 0);
    }
    LoadFive();
    var loopCpu = Cpu();
    var loopClock = Stopwatch.StartNew();
    for (var i = 0; i < loops; i++)
    {
        LoadFive();
    }
    Console.WriteLine($"warm-loop {loopClock.Elapsed.TotalMilliseconds / loops:F2} ms, cpu {(Cpu() - loopCpu) / loops:F2} ms per load ({loops} loads)");
    return 0;
}
var spec = mode == "warm"
    ? OpenApiLoader.Load(bytes, file, args.Length > 3 ? args[3] : throw new ArgumentException("warm needs CACHE"), null, out var origin)
    : OpenApiLoader.Load(bytes, file, null, null, out origin);
var loadMs = clock.Elapsed.TotalMilliseconds;
var events = spec.StreamEvents("POST", "/v1/responses");
var fields = 0;
foreach (var streamEvent in events)
{
    fields += spec.Schema(streamEvent.Schema)?.Fields.Length ?? 0;
}
Console.WriteLine($"{mode} ({origin}) {clock.Elapsed.TotalMilliseconds:F0} ms, cpu {Cpu():F0} ms (load {loadMs:F0} ms); {events.Length} events, {fields} fields, {spec.SchemaKeys.Count} schemas");
return 0;

double Cpu()
{
    self.Refresh();
    return (self.TotalProcessorTime - cpuStart).TotalMilliseconds;
}
