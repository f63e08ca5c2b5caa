using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LogtoGenerated.Authentication;

namespace LogtoGenerated.Tests.TestSupport;

/// <summary>
/// Authenticates with <c>Bearer token-N</c>, where N starts at 1 and goes up each time the provider is told
/// about a 401 and agrees to refresh. Counts and records what the adapter asks of it.
/// </summary>
internal sealed class RefreshingAuthenticationProvider : IAuthenticationProvider
{
    private readonly object _lock = new();
    private readonly List<(string? Authorization, int StatusCode)> _unauthorized = new();
    private int _generation = 1;
    private int _authenticateCalls;

    /// <summary>What <see cref="HandleUnauthorizedAsync"/> returns.</summary>
    public bool CanRefresh { get; init; } = true;

    /// <summary>Whether credentials go in the <c>Authorization</c> header; otherwise in <c>X-Api-Key</c>.</summary>
    public bool UsesAuthorizationHeader { get; init; } = true;

    public int AuthenticateCalls => Volatile.Read(ref _authenticateCalls);

    /// <summary>The <c>Authorization</c> header and status of each request <see cref="HandleUnauthorizedAsync"/> was called for.</summary>
    public IReadOnlyList<(string? Authorization, int StatusCode)> Unauthorized
    {
        get
        {
            lock (_lock)
            {
                return _unauthorized.ToArray();
            }
        }
    }

    public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _authenticateCalls);
        string token = "token-" + Volatile.Read(ref _generation);
        if (UsesAuthorizationHeader)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            request.Headers.Add("X-Api-Key", token);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> HandleUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _unauthorized.Add((request.Headers.Authorization?.ToString(), (int)response.StatusCode));
        }

        if (CanRefresh)
        {
            Interlocked.Increment(ref _generation);
        }

        return ValueTask.FromResult(CanRefresh);
    }
}

/// <summary>A readable stream that cannot seek, like a network or pipe stream.</summary>
internal sealed class NonSeekableStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal static class Endpoints
{
    /// <summary>An http endpoint on 127.0.0.1 where nothing listens: connecting to it is refused.</summary>
    public static Uri Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
