using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>
/// A stand-in for a Logto server on Kestrel at <c>http://127.0.0.1:&lt;free port&gt;/</c>: answers every request with
/// the status, content type and body it is given, and records each request's path and Authorization header.
/// </summary>
internal sealed class DocumentServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Path, string? Authorization)> _requests = [];

    private DocumentServer(WebApplication app) => _app = app;

    /// <summary>The server's origin, e.g. <c>http://127.0.0.1:54321</c>: the <c>--server</c> to pass.</summary>
    public string Origin { get; private set; } = "";

    public int StatusCode { get; set; } = 200;

    public string ContentType { get; set; } = "application/json";

    public byte[] Body { get; set; } = [];

    /// <summary>The requests received so far: path and Authorization header.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static DocumentServer Start()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DocumentServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new DocumentServer(app);
        app.Run(server.HandleAsync);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Origin = address.TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        lock (_requests)
        {
            _requests.Add((context.Request.Path.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault()));
        }

        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = ContentType;
        await context.Response.Body.WriteAsync(Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
