using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http.Pipeline;
using LogtoGenerated.Paging;

namespace LogtoGenerated.Http;

/// <summary>
/// Sends <see cref="RequestInformation"/> to Logto with an <see cref="HttpClient"/>: authenticates each request,
/// retries what is safe to retry, replays a request once after a <c>401</c> with fresh credentials, maps
/// unsuccessful responses to <see cref="LogtoApiException"/> and deserializes bodies with the generated JSON metadata.
/// </summary>
/// <remarks>
/// Every send method takes the same way through the stages of the request pipeline (rate limit, authenticate, send,
/// replay once after a 401, retry, read the response); they differ only in how they read the body. Thread-safe. The
/// methods are virtual so tests can replace them.
/// </remarks>
public class LogtoRequestAdapter
{
    private readonly RequestPipeline? _pipeline;
    private readonly Uri? _endpoint;

    /// <summary>Creates an adapter.</summary>
    /// <param name="httpClient">The client that sends the requests; the adapter does not dispose it.</param>
    /// <param name="authenticationProvider">
    /// Adds credentials to every request. A <see cref="BearerTokenAuthenticationProvider"/> created without hosts
    /// sends its token to <paramref name="endpoint"/>'s host and port only.
    /// </param>
    /// <param name="endpoint">
    /// Your Logto origin without <c>/api</c>, for example <c>https://your-tenant.logto.app</c>, or with the base
    /// path of a self-hosted Logto, for example <c>https://example.com/logto</c>.
    /// </param>
    /// <param name="options">
    /// How requests are sent: <see cref="LogtoManagementOptions.Retry"/>, <see cref="LogtoManagementOptions.RateLimiter"/>,
    /// <see cref="LogtoManagementOptions.MaxConcurrentPageRequests"/> and the clock; the defaults when <see langword="null"/>.
    /// The credentials are not read (<paramref name="authenticationProvider"/> authenticates). Read once, here.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="endpoint"/> is not an absolute http(s) URI of a Logto origin, or <paramref name="options"/> has values
    /// out of range (the message lists each).
    /// </exception>
    public LogtoRequestAdapter(
        HttpClient httpClient, IAuthenticationProvider authenticationProvider, Uri endpoint, LogtoManagementOptions? options = null)
        : this(ManagementClientSettings.ResolveRequests(options ?? new LogtoManagementOptions(), nameof(options)), httpClient, authenticationProvider, endpoint)
    {
    }

    /// <summary>An adapter sending requests as resolved <paramref name="settings"/> say.</summary>
    internal LogtoRequestAdapter(ManagementClientSettings settings, HttpClient httpClient, IAuthenticationProvider authenticationProvider, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (LogtoEndpoint.Problem(endpoint) is { } problem)
        {
            throw new ArgumentException(
                "The endpoint " + problem + ". Pass your Logto origin, for example new Uri(\"https://your-tenant.logto.app\").", nameof(endpoint));
        }

        _endpoint = endpoint;
        MaxConcurrentPageRequests = settings.MaxConcurrentPageRequests;
        _pipeline = new RequestPipeline(httpClient, authenticationProvider, endpoint, settings.Retry, settings.RateLimiter, settings.TimeProvider);
    }

    /// <summary>For mocking: an adapter made this way throws <see cref="InvalidOperationException"/> unless its members are overridden.</summary>
    protected LogtoRequestAdapter()
    {
    }

    /// <summary>The Logto origin that request paths are appended to.</summary>
    public virtual Uri Endpoint => _endpoint ?? throw NotConfigured();

    /// <summary>How many pages <see cref="LogtoPager.GetAllAsync"/> may request at once; 1 (one after another) for an adapter made for mocking.</summary>
    internal int MaxConcurrentPageRequests { get; } = 1;

    private RequestPipeline Pipeline => _pipeline ?? throw NotConfigured();

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
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual Task<T> SendAsync<T>(
        RequestInformation request, JsonTypeInfo<T> responseTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        return Pipeline.SendAsync(request, new JsonResponseReader<T>(responseTypeInfo), cancellationToken);
    }

    /// <summary>
    /// Sends a request whose successful (2xx) response is JSON or nothing: documented without a schema (Logto answers
    /// most such operations with an empty <c>201</c>), or beside another success status without content (a <c>204</c>).
    /// Sends <c>Accept: application/json</c> unless the request sets its own <c>Accept</c> header.
    /// </summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="responseTypeInfo">The response type's metadata from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized body; <see langword="null"/> when the response has no body (or only whitespace), or is JSON <c>null</c>.</returns>
    /// <exception cref="LogtoApiException">The response is not 2xx, or its body is not readable as <typeparamref name="T"/>.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual Task<T?> SendOptionalAsync<T>(
        RequestInformation request, JsonTypeInfo<T> responseTypeInfo, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        return Pipeline.SendAsync(request, new OptionalJsonResponseReader<T>(responseTypeInfo), cancellationToken);
    }

    /// <summary>
    /// Sends a request whose response has no body the caller needs. Any status below 400 is success
    /// (204, a 200 whose body is ignored, a documented 3xx redirect).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the response headers arrived.</returns>
    /// <exception cref="LogtoApiException">The response status is 400 or above.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual Task SendNoContentAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pipeline.SendAsync(request, NoContentResponseReader.Instance, cancellationToken);
    }

    /// <summary>Sends a request whose successful (2xx) response is text, such as <c>text/xml</c> metadata.</summary>
    /// <param name="request">The request; set its <c>Accept</c> header to ask for a media type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body as a string (empty when there is none).</returns>
    /// <exception cref="LogtoApiException">The response is not 2xx.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual Task<string> SendStringAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pipeline.SendAsync(request, StringResponseReader.Instance, cancellationToken);
    }

    /// <summary>
    /// Sends a request for one page of a Logto list and reads it with its metadata: the items (a JSON array), the
    /// page and page size it asked for, and the <c>Total-Number</c> and <c>Total-Number-Is-Capped</c> headers.
    /// Sends <c>Accept: application/json</c> unless the request sets its own. <see cref="LogtoPager"/> builds such
    /// requests; it is the simpler way to read pages.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The request, whose query carries <c>page</c> and <c>page_size</c> with the values below.</param>
    /// <param name="page">The page the request asks for (<c>page</c>), from 1; reported as <see cref="LogtoPage{T}.Page"/>.</param>
    /// <param name="pageSize">The page size the request asks for (<c>page_size</c>), 1 to 100; reported as <see cref="LogtoPage{T}.PageSize"/>.</param>
    /// <param name="itemsTypeInfo">The metadata of the response, a JSON array of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; a <c>204 No Content</c> answer is a page without items.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is below 1, or <paramref name="pageSize"/> is not between 1 and 100; nothing was sent.</exception>
    /// <exception cref="LogtoApiException">The response is not 2xx, or its body is not a JSON array of <typeparamref name="T"/>.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual Task<LogtoPage<T>> SendPageAsync<T>(
        RequestInformation request, int page, int pageSize, JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemsTypeInfo);
        var requested = new PageRequest(page, pageSize, nameof(page), nameof(pageSize));
        return Pipeline.SendAsync(request, new PageResponseReader<T>(requested, itemsTypeInfo), cancellationToken);
    }

    /// <summary>
    /// Sends a request whose successful (2xx) response is read as a stream, such as <c>text/xml</c> metadata, without
    /// buffering the body. The request's <see cref="RequestConfiguration.Timeout"/> covers the call until the stream is
    /// returned; reading it honours the token given to each read.
    /// </summary>
    /// <param name="request">The request; set its <c>Accept</c> header to ask for a media type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, read as it arrives. Dispose it: that releases the response and its connection.</returns>
    /// <exception cref="LogtoApiException">The response is not 2xx.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual Task<Stream> SendStreamAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Pipeline.SendAsync(request, StreamResponseReader.Instance, cancellationToken);
    }

    private static InvalidOperationException NotConfigured() =>
        new("This LogtoRequestAdapter was created with the protected constructor for mocking; override the member you call, or use the public constructor.");
}
