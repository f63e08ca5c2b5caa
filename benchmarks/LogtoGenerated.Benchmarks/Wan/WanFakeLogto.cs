using System.Globalization;
using System.IO.Compression;
using System.Net;
using LogtoGenerated.Benchmarks.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Benchmarks.Wan;

/// <summary>
/// A fake Logto on a Kestrel server at 127.0.0.1: the recorded token response, and <c>GET /api/users</c> pages of the
/// 100 users of <c>Payloads/users-page-100.json</c> with <c>Total-Number</c>, compressed (br, else gzip, else deflate)
/// when the request's <c>Accept-Encoding</c> allows it, as Logto's koa-compress does.
/// </summary>
/// <remarks>The compressed bodies are made once, at start, so that the server's compression time is not measured.</remarks>
public sealed class WanFakeLogto : IAsyncDisposable
{
    private static readonly byte[] EmptyArray = "[]"u8.ToArray();

    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _page = new(StringComparer.Ordinal);

    private WanFakeLogto(WebApplication app, long totalUsers)
    {
        _app = app;
        TotalUsers = totalUsers;
        _page["identity"] = Payloads.UsersPage;
        _page["br"] = Compress(Payloads.UsersPage, stream => new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        _page["gzip"] = Compress(Payloads.UsersPage, stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        _page["deflate"] = Compress(Payloads.UsersPage, stream => new ZLibStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        EndPoint = null!;
    }

    /// <summary>Where the server listens.</summary>
    public IPEndPoint EndPoint { get; private set; }

    /// <summary>The <c>Total-Number</c> of <c>GET /api/users</c>; pages past it are empty.</summary>
    public long TotalUsers { get; }

    /// <summary>The size of one page's body in each encoding (<c>identity</c>, <c>br</c>, <c>gzip</c>, <c>deflate</c>).</summary>
    public IReadOnlyDictionary<string, int> PageSizes => _page.ToDictionary(static p => p.Key, static p => p.Value.Length);

    public static async Task<WanFakeLogto> StartAsync(long totalUsers)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0);
        });
        WebApplication app = builder.Build();
        var server = new WanFakeLogto(app, totalUsers);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.EndPoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        response.Headers["Logto-Core-Request-Id"] = "wan-fake";
        response.ContentType = "application/json; charset=utf-8";
        if (request.Method == "POST" && request.Path == "/oidc/token")
        {
            await request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
            response.Headers.CacheControl = "no-store";
            await WriteAsync(response, Payloads.Token).ConfigureAwait(false);
            return;
        }

        if (request.Method != "GET" || request.Path != "/api/users")
        {
            response.StatusCode = 404;
            return;
        }

        int page = int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : 1;
        int pageSize = int.TryParse(request.Query["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 20;
        if (pageSize != Payloads.PageSize)
        {
            response.StatusCode = 400;
            return;
        }

        response.Headers["Total-Number"] = TotalUsers.ToString(CultureInfo.InvariantCulture);
        response.Headers.Vary = "Accept-Encoding, Origin";
        if ((long)(page - 1) * pageSize >= TotalUsers)
        {
            await WriteAsync(response, EmptyArray).ConfigureAwait(false);
            return;
        }

        string encoding = ChooseEncoding(request.Headers.AcceptEncoding.ToString());
        if (encoding != "identity")
        {
            response.Headers.ContentEncoding = encoding;
        }

        await WriteAsync(response, _page[encoding]).ConfigureAwait(false);
    }

    /// <summary>koa-compress's preference: br, then gzip, then deflate, among those the client accepts.</summary>
    private static string ChooseEncoding(string acceptEncoding)
    {
        string[] accepted = acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(static e => e.Split(';')[0].Trim().ToLowerInvariant())
            .ToArray();
        return accepted.Contains("br") ? "br" : accepted.Contains("gzip") ? "gzip" : accepted.Contains("deflate") ? "deflate" : "identity";
    }

    private static Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (Stream stream = compressor(buffer))
        {
            stream.Write(body);
        }

        return buffer.ToArray();
    }
}
