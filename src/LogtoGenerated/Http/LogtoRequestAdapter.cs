using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Authentication;

namespace LogtoGenerated.Http;

/// <summary>
/// Sends <see cref="RequestInformation"/> to Logto with an <see cref="HttpClient"/>: authenticates each request,
/// maps unsuccessful responses to <see cref="LogtoApiException"/> and deserializes bodies with source-generated
/// metadata.
/// </summary>
/// <remarks>Thread-safe. The methods are virtual so tests can replace them.</remarks>
public class LogtoRequestAdapter
{
    private const string AcceptHeader = "Accept";
    private const string JsonMediaType = "application/json";

    private readonly HttpClient? _httpClient;
    private readonly IAuthenticationProvider? _authenticationProvider;
    private readonly Uri? _endpoint;
    private readonly string? _baseAddress;

    /// <summary>Creates an adapter.</summary>
    /// <param name="httpClient">The client that sends the requests; the adapter does not dispose it.</param>
    /// <param name="authenticationProvider">Adds credentials to every request.</param>
    /// <param name="endpoint">
    /// Your Logto origin without <c>/api</c>, for example <c>https://your-tenant.logto.app</c>, or with the base
    /// path of a self-hosted Logto, for example <c>https://example.com/logto</c>.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URI of a Logto origin.</exception>
    public LogtoRequestAdapter(HttpClient httpClient, IAuthenticationProvider authenticationProvider, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        ArgumentNullException.ThrowIfNull(endpoint);
        ValidateEndpoint(endpoint);
        _httpClient = httpClient;
        _authenticationProvider = authenticationProvider;
        _endpoint = endpoint;
        _baseAddress = RequestInformation.GetBaseAddress(endpoint);
    }

    /// <summary>For mocking: an adapter made this way throws <see cref="InvalidOperationException"/> unless its members are overridden.</summary>
    protected LogtoRequestAdapter()
    {
    }

    /// <summary>The Logto origin that request paths are appended to.</summary>
    public virtual Uri Endpoint => _endpoint ?? throw NotConfigured();

    /// <summary>
    /// Sends a request whose successful (2xx) response is JSON, and deserializes it while it streams in.
    /// Sends <c>Accept: application/json</c> unless the request sets its own <c>Accept</c> header.
    /// </summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseTypeInfo">The response type's metadata from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized body.</returns>
    /// <exception cref="LogtoApiException">
    /// The response is not 2xx, or its body is empty, JSON <c>null</c> (when <typeparamref name="T"/> is a reference type)
    /// or not readable as <typeparamref name="T"/>.
    /// </exception>
    public virtual async Task<T> SendAsync<T>(
        RequestInformation request, JsonTypeInfo<T> responseTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        using HttpRequestMessage message = CreateMessage(request, JsonMediaType);
        await _authenticationProvider!.AuthenticateRequestAsync(message, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage response = await _httpClient!
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await LogtoApiException.FromResponseAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            throw LogtoApiException.ForUnreadableBody(
                request, response, "the body is empty where " + DescribeType(responseTypeInfo.Type) + " was expected", null);
        }

        T? result;
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                result = await JsonSerializer.DeserializeAsync(stream, responseTypeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw LogtoApiException.ForUnreadableBody(
                    request, response, "the body could not be read as " + DescribeType(responseTypeInfo.Type) + ": " + e.Message, e);
            }
        }

        // Nullable<T> may legitimately be null; a reference type may not (the return type promises a value).
        if (result is null && !typeof(T).IsValueType)
        {
            throw LogtoApiException.ForUnreadableBody(
                request, response, "the body is JSON null where " + DescribeType(responseTypeInfo.Type) + " was expected", null);
        }

        return result!;
    }

    /// <summary>
    /// Sends a request whose response has no body the caller needs. Any status below 400 is success
    /// (204, a 200 whose body is ignored, a documented 3xx redirect).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the response headers arrived.</returns>
    /// <exception cref="LogtoApiException">The response status is 400 or above.</exception>
    public virtual async Task SendNoContentAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage message = CreateMessage(request, null);
        await _authenticationProvider!.AuthenticateRequestAsync(message, cancellationToken).ConfigureAwait(false);

        // Disposing the response drains or discards the unread body.
        using HttpResponseMessage response = await _httpClient!
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode >= 400)
        {
            throw await LogtoApiException.FromResponseAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request whose successful (2xx) response is text, such as <c>text/xml</c> metadata.</summary>
    /// <param name="request">The request; set its <c>Accept</c> header to ask for a media type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body as a string (empty when there is none).</returns>
    /// <exception cref="LogtoApiException">The response is not 2xx.</exception>
    public virtual async Task<string> SendStringAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage message = CreateMessage(request, null);
        await _authenticationProvider!.AuthenticateRequestAsync(message, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage response = await _httpClient!
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await LogtoApiException.FromResponseAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage CreateMessage(RequestInformation request, string? defaultAccept)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_baseAddress is null)
        {
            throw NotConfigured();
        }

        var message = new HttpRequestMessage(request.Method, request.BuildUri(_baseAddress));
        HttpContent? content = request.Content;
        message.Content = content;

        Dictionary<string, string>? headers = request.HeadersOrNull;
        if (headers is not null)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                // Content headers (Content-Type, Content-Language...) belong to the content; others to the message.
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value) && content is not null)
                {
                    content.Headers.Remove(header.Key);
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        if (defaultAccept is not null && (headers is null || !headers.ContainsKey(AcceptHeader)))
        {
            message.Headers.TryAddWithoutValidation(AcceptHeader, defaultAccept);
        }

        return message;
    }

    private static void ValidateEndpoint(Uri endpoint)
    {
        const string Example = "Pass your Logto origin, for example new Uri(\"https://your-tenant.logto.app\").";
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The endpoint must be an absolute http or https URI. " + Example, nameof(endpoint));
        }

        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            throw new ArgumentException("The endpoint must not have a query or fragment. " + Example, nameof(endpoint));
        }

        if (endpoint.AbsolutePath.TrimEnd('/').EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "The endpoint is the Logto origin without \"/api\" (request paths already start with /api). " + Example,
                nameof(endpoint));
        }
    }

    private static InvalidOperationException NotConfigured() =>
        new("This LogtoRequestAdapter was created with the protected constructor for mocking; override the member you call, or use the public constructor.");

    private static string DescribeType(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        Type[] arguments = type.GetGenericArguments();
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder(tick < 0 ? name : name.Substring(0, tick)).Append('<');
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(DescribeType(arguments[i]));
        }

        return builder.Append('>').ToString();
    }
}
