using System.Net.Http.Headers;

namespace LogtoGenerated.Http;

/// <summary>
/// The status and headers of a response, for callers who need more than the typed result, handed to
/// <see cref="RequestConfiguration.OnResponse"/>.
/// </summary>
/// <example><code>
/// string? requestId = null;
/// User user = await client.Users["id"].GetAsync(config => config.OnResponse = r => requestId = r.RequestId);
/// </code></example>
public sealed class LogtoResponse
{
    private readonly HttpResponseMessage _response;

    internal LogtoResponse(HttpResponseMessage response, int attempts)
    {
        _response = response;
        Attempts = attempts;
    }

    /// <summary>The HTTP status code, for example 200.</summary>
    public int StatusCode => (int)_response.StatusCode;

    /// <summary>The response headers (without the content headers; see <see cref="ContentHeaders"/>).</summary>
    public HttpResponseHeaders Headers => _response.Headers;

    /// <summary>The content headers, such as <c>Content-Type</c> and <c>Content-Length</c>.</summary>
    public HttpContentHeaders ContentHeaders => _response.Content.Headers;

    /// <summary>The <c>Logto-Core-Request-Id</c> header, which identifies the request in Logto's logs.</summary>
    public string? RequestId => GetHeader(LogtoHeaders.RequestId);

    /// <summary>How many times the request was sent (1 unless it was retried or replayed after a 401).</summary>
    public int Attempts { get; }

    /// <summary>The value of a response or content header, values joined by <c>", "</c>; <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name, case-insensitive.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return LogtoHeaders.Get(_response, name);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{StatusCode} {_response.ReasonPhrase} (attempts: {Attempts})";
}
