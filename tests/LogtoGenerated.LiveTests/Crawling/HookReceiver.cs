using System.Net;
using System.Net.Sockets;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>An HTTP endpoint on 127.0.0.1 that answers 200 to anything: the URL the write crawl's hook test sends to.</summary>
internal sealed class HookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _received;

    public HookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/logto";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = AnswerAsync();
    }

    /// <summary>Where to send hooks.</summary>
    public string Url { get; }

    /// <summary>How many requests arrived.</summary>
    public int Received => Volatile.Read(ref _received);

    public void Dispose() => _listener.Close();

    private async Task AnswerAsync()
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

            Interlocked.Increment(ref _received);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
