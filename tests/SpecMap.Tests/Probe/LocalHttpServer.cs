using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SpecMap.Tests.Probe;

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) whose answers a test scripts: for transport behaviour the example server cannot show (503 then 200, a stalled stream).</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    public LocalHttpServer(Func<int, HttpListenerContext, Task> answer)
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                var number = Interlocked.Increment(ref _requests);
                Headers.Add(context.Request.Headers.ToString() ?? string.Empty);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await answer(number, context);
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                    {
                    }
                });
            }
        });
    }

    public string BaseUrl { get; }

    public int Requests => _requests;

    /// <summary>Every request's headers, as received.</summary>
    public List<string> Headers { get; } = [];

    public static async Task WriteSse(HttpListenerContext context, string body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>
/// The tests that open servers on free ports run one class at a time: a port found free for the HttpListener could
/// otherwise be taken by an example server started in parallel (`--port 0`) before the listener binds it.
/// </summary>
internal static class ProbeServers
{
    public const string Collection = "probe servers";
}
