using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Tests.Infrastructure;

/// <summary>
/// A fake Logto on a real Kestrel server at <c>http://127.0.0.1:&lt;random port&gt;</c>. Records every request and
/// answers with a configurable responder: by default Logto's unknown-route answer (404 <c>text/plain</c> "Not Found").
/// </summary>
/// <example><code>
/// await using var server = await FakeLogtoServer.StartAsync();
/// server.RespondWithRecording("30-users-404.txt");
/// // ... call server.Endpoint ...
/// Assert.Equal("/api/users/doesnotexist", server.Requests.Single().Path);
/// </code></example>
public sealed class FakeLogtoServer : IAsyncDisposable
{
    // Kestrel computes these itself; copying them from a recording would corrupt the response.
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Connection", "Keep-Alive", "Transfer-Encoding", "Date", "Server",
        "Proxy-Connection", "TE", "Trailer", "Upgrade",
    };

    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<(string Method, string Path), Func<RecordedRequest, CancellationToken, Task<FakeResponse>>> _routes = new();
    private volatile Func<RecordedRequest, CancellationToken, Task<FakeResponse>> _responder;

    private FakeLogtoServer(WebApplication app)
    {
        _app = app;
        _responder = static (_, _) => Task.FromResult(FakeResponse.Text(404, "Not Found"));
        Endpoint = null!;
    }

    /// <summary>The server's origin, for example <c>http://127.0.0.1:54321/</c>: pass it as the Logto endpoint.</summary>
    public Uri Endpoint { get; private set; }

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Starts a server on 127.0.0.1 and a free port.</summary>
    public static async Task<FakeLogtoServer> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeLogtoServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0);
        });

        WebApplication app = builder.Build();
        var server = new FakeLogtoServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers every request (without a route of its own) with <paramref name="responder"/>.</summary>
    public void Respond(Func<RecordedRequest, FakeResponse> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        _responder = (request, _) => Task.FromResult(responder(request));
    }

    /// <summary>Answers every request (without a route of its own) with an asynchronous <paramref name="responder"/>, for example one that waits.</summary>
    public void Respond(Func<RecordedRequest, CancellationToken, Task<FakeResponse>> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        _responder = responder;
    }

    /// <summary>Answers every request (without a route of its own) with <paramref name="response"/>.</summary>
    public void RespondWith(FakeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Respond(_ => response);
    }

    /// <summary>Answers every request (without a route of its own) by replaying a recording from <c>Fixtures/logto-wire/</c>.</summary>
    public void RespondWithRecording(string fileName) => RespondWith(FakeResponse.FromRecording(fileName));

    /// <summary>Answers requests with exactly this method and raw path (no query) with <paramref name="responder"/>, before the general responder.</summary>
    public void On(string method, string path, Func<RecordedRequest, FakeResponse> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        _routes[(method.ToUpperInvariant(), path)] = (request, _) => Task.FromResult(responder(request));
    }

    /// <summary>Answers requests with exactly this method and raw path (no query) with an asynchronous <paramref name="responder"/>.</summary>
    public void On(string method, string path, Func<RecordedRequest, CancellationToken, Task<FakeResponse>> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        _routes[(method.ToUpperInvariant(), path)] = responder;
    }

    /// <summary>Forgets the requests recorded so far.</summary>
    public void ClearRequests()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        RecordedRequest request = await RecordAsync(context);
        lock (_requests)
        {
            _requests.Add(request);
        }

        Func<RecordedRequest, CancellationToken, Task<FakeResponse>> responder =
            _routes.TryGetValue((request.Method, request.Path), out var route) ? route : _responder;
        FakeResponse response;
        try
        {
            response = await responder(request, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            response = FakeResponse.Text(500, "FakeLogtoServer: the responder threw " + e);
        }

        if (response.DropsConnection)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, response);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in context.Request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return new RecordedRequest(context.Request.Method, rawTarget, headers, body.ToArray());
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        HttpResponse http = context.Response;
        http.StatusCode = response.StatusCode;
        if (response.ReasonPhrase is not null)
        {
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = response.ReasonPhrase;
        }

        foreach (KeyValuePair<string, string> header in response.Headers)
        {
            if (!HopByHopHeaders.Contains(header.Key))
            {
                http.Headers.Append(header.Key, header.Value);
            }
        }

        bool bodyAllowed = response.StatusCode is not (204 or 304) && response.StatusCode >= 200;
        if (bodyAllowed)
        {
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
