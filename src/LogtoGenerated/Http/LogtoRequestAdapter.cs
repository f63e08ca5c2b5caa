using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using LogtoGenerated.Authentication;
using LogtoGenerated.Paging;

namespace LogtoGenerated.Http;

/// <summary>
/// Sends <see cref="RequestInformation"/> to Logto with an <see cref="HttpClient"/>: authenticates each request,
/// retries what is safe to retry, replays a request once after a <c>401</c> with fresh credentials, maps
/// unsuccessful responses to <see cref="LogtoApiException"/> and deserializes bodies with source-generated metadata.
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
    private readonly LogtoRetryOptions _retry = LogtoRetryOptions.Default;
    private readonly RateLimiter? _rateLimiter;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>Creates an adapter.</summary>
    /// <param name="httpClient">The client that sends the requests; the adapter does not dispose it.</param>
    /// <param name="authenticationProvider">Adds credentials to every request.</param>
    /// <param name="endpoint">
    /// Your Logto origin without <c>/api</c>, for example <c>https://your-tenant.logto.app</c>, or with the base
    /// path of a self-hosted Logto, for example <c>https://example.com/logto</c>.
    /// </param>
    /// <param name="options">Retries, rate limiting and clock; defaults when <see langword="null"/>. Read once, here.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URI of a Logto origin.</exception>
    public LogtoRequestAdapter(
        HttpClient httpClient, IAuthenticationProvider authenticationProvider, Uri endpoint, LogtoRequestAdapterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        ArgumentNullException.ThrowIfNull(endpoint);
        ValidateEndpoint(endpoint);
        _httpClient = httpClient;
        _authenticationProvider = authenticationProvider;
        _endpoint = endpoint;
        _baseAddress = RequestInformation.GetBaseAddress(endpoint);
        if (options is not null)
        {
            _retry = options.Retry ?? throw new ArgumentException("LogtoRequestAdapterOptions.Retry must not be null; use LogtoRetryOptions.None to turn retries off.", nameof(options));
            _rateLimiter = options.RateLimiter;
            _timeProvider = options.TimeProvider ?? throw new ArgumentException("LogtoRequestAdapterOptions.TimeProvider must not be null.", nameof(options));
        }
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
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual async Task<T> SendAsync<T>(
        RequestInformation request, JsonTypeInfo<T> responseTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        using var call = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            using HttpResponseMessage response = await SendCoreAsync(request, JsonMediaType, call.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await LogtoApiException.FromResponseAsync(request, response, call.Token).ConfigureAwait(false);
            }

            return await ReadJsonAsync(request, response, responseTypeInfo, call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (call.IsOwnCancellation(e))
        {
            throw call.MapCancellation(e);
        }
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
    public virtual async Task<T?> SendOptionalAsync<T>(
        RequestInformation request, JsonTypeInfo<T> responseTypeInfo, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        using var call = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            using HttpResponseMessage response = await SendCoreAsync(request, JsonMediaType, call.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await LogtoApiException.FromResponseAsync(request, response, call.Token).ConfigureAwait(false);
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync(call.Token).ConfigureAwait(false);
            if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(body, responseTypeInfo);
            }
            catch (JsonException e)
            {
                throw Unreadable(request, response, responseTypeInfo.Type, e);
            }
        }
        catch (OperationCanceledException e) when (call.IsOwnCancellation(e))
        {
            throw call.MapCancellation(e);
        }
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
    public virtual async Task SendNoContentAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            // Disposing the response drains or discards the unread body.
            using HttpResponseMessage response = await SendCoreAsync(request, null, call.Token).ConfigureAwait(false);
            if ((int)response.StatusCode >= 400)
            {
                throw await LogtoApiException.FromResponseAsync(request, response, call.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (call.IsOwnCancellation(e))
        {
            throw call.MapCancellation(e);
        }
    }

    /// <summary>Sends a request whose successful (2xx) response is text, such as <c>text/xml</c> metadata.</summary>
    /// <param name="request">The request; set its <c>Accept</c> header to ask for a media type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body as a string (empty when there is none).</returns>
    /// <exception cref="LogtoApiException">The response is not 2xx.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual async Task<string> SendStringAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            using HttpResponseMessage response = await SendCoreAsync(request, null, call.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await LogtoApiException.FromResponseAsync(request, response, call.Token).ConfigureAwait(false);
            }

            return await response.Content.ReadAsStringAsync(call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (call.IsOwnCancellation(e))
        {
            throw call.MapCancellation(e);
        }
    }

    /// <summary>
    /// Sends a request for one page of a Logto list and reads it with its metadata: the items (a JSON array), the
    /// <c>page</c> and <c>page_size</c> the request asked for, and the <c>Total-Number</c> and
    /// <c>Total-Number-Is-Capped</c> headers. Sends <c>Accept: application/json</c> unless the request sets its own.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The request; it must carry the <c>page</c> and <c>page_size</c> query parameters.</param>
    /// <param name="itemsTypeInfo">The metadata of the response, a JSON array of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; a <c>204 No Content</c> answer is a page without items.</returns>
    /// <exception cref="ArgumentException">The request lacks <c>page</c> or <c>page_size</c>, or one is not a positive integer.</exception>
    /// <exception cref="LogtoApiException">The response is not 2xx, or its body is not a JSON array of <typeparamref name="T"/>.</exception>
    /// <exception cref="TimeoutException">The request's <see cref="RequestConfiguration.Timeout"/> passed.</exception>
    /// <exception cref="HttpRequestException">Logto could not be reached (after the configured retries).</exception>
    public virtual async Task<LogtoPage<T>> SendPageAsync<T>(
        RequestInformation request, JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itemsTypeInfo);
        (int page, int pageSize) = LogtoPager.GetRequestedPage(request);
        using var call = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            using HttpResponseMessage response = await SendCoreAsync(request, JsonMediaType, call.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await LogtoApiException.FromResponseAsync(request, response, call.Token).ConfigureAwait(false);
            }

            // A list answered with 204 No Content (which Logto documents for some lists) has no items.
            IReadOnlyList<T> items = response.StatusCode == HttpStatusCode.NoContent
                ? []
                : await ReadJsonAsync(request, response, itemsTypeInfo, call.Token).ConfigureAwait(false);
            return LogtoPage<T>.FromResponse(items, page, pageSize, response);
        }
        catch (OperationCanceledException e) when (call.IsOwnCancellation(e))
        {
            throw call.MapCancellation(e);
        }
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
    public virtual async Task<Stream> SendStreamAsync(RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var call = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            HttpResponseMessage response = await SendCoreAsync(request, null, call.Token).ConfigureAwait(false);
            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await LogtoApiException.FromResponseAsync(request, response, call.Token).ConfigureAwait(false);
                }

                Stream body = await response.Content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
                return new ResponseStream(body, response);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException e) when (call.IsOwnCancellation(e))
        {
            throw call.MapCancellation(e);
        }
    }

    /// <summary>Deserializes a successful JSON response while it streams in.</summary>
    internal static async Task<T> ReadJsonAsync<T>(
        RequestInformation request, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            throw LogtoApiException.ForUnreadableBody(
                request, response, "the body is empty where " + DescribeType(typeInfo.Type) + " was expected", null);
        }

        T? result;
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                result = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw Unreadable(request, response, typeInfo.Type, e);
            }
        }

        // Nullable<T> may legitimately be null; a reference type may not (the return type promises a value).
        if (result is null && !typeof(T).IsValueType)
        {
            throw LogtoApiException.ForUnreadableBody(
                request, response, "the body is JSON null where " + DescribeType(typeInfo.Type) + " was expected", null);
        }

        return result!;
    }

    /// <summary>
    /// Sends the request until it gets a final response: waits for the rate limiter, authenticates, sends;
    /// replays once after a 401 when the authentication provider has fresh credentials; retries connection
    /// failures and 429/502/503/504 as the retry options allow. Reports the final response to the caller's
    /// <see cref="RequestConfiguration.OnResponse"/>. The caller disposes the response.
    /// </summary>
    internal async Task<HttpResponseMessage> SendCoreAsync(RequestInformation request, string? defaultAccept, CancellationToken cancellationToken)
    {
        if (_httpClient is null || _authenticationProvider is null || _baseAddress is null)
        {
            throw NotConfigured();
        }

        Uri uri = request.BuildUri(_baseAddress);

        LogtoRetryOptions retry = request.Configuration?.Retry ?? _retry;
        bool replayable = request.IsContentReplayable;
        int maxRetries = replayable && retry.AllowsMethod(request.Method) ? retry.MaxRetries : 0;
        bool firstUnauthorized = true;
        int retries = 0;
        int sends = 0;
        while (true)
        {
            RateLimitLease? lease = _rateLimiter is null ? null : await AcquirePermitAsync(request, cancellationToken).ConfigureAwait(false);
            HttpRequestMessage message = CreateMessage(request, uri, defaultAccept);
            HttpResponseMessage response;
            try
            {
                await _authenticationProvider.AuthenticateRequestAsync(message, cancellationToken).ConfigureAwait(false);
                sends++;
                response = await _httpClient
                    .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            // A failed token request means this request was not sent: asking again is safe whatever its method or body.
            catch (Exception e) when (retries < (e is LogtoTokenException ? retry.MaxRetries : maxRetries) && IsTransientFailure(e, cancellationToken))
            {
                retries++;
                await Task.Delay(retry.GetBackoff(retries), _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }
            finally
            {
                lease?.Dispose();
            }

            // Every response not handed to the caller is disposed, also when the provider, a delay or OnResponse throws.
            bool handedOver = false;
            try
            {
                // The provider hears of the first 401 even when the body cannot be sent again, so that it drops a
                // stale token for the next call; only a replayable request is replayed.
                if (response.StatusCode == HttpStatusCode.Unauthorized && firstUnauthorized && message.Headers.Authorization is not null)
                {
                    firstUnauthorized = false;
                    if (await _authenticationProvider.HandleUnauthorizedAsync(message, response, cancellationToken).ConfigureAwait(false) && replayable)
                    {
                        continue;
                    }
                }

                if (retries < maxRetries && LogtoRetryOptions.IsRetryableStatus((int)response.StatusCode) && TryGetRetryDelay(response, retry, retries + 1, out TimeSpan delay))
                {
                    retries++;
                    response.Dispose(); // frees the connection during the delay
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                request.Configuration?.OnResponse?.Invoke(new LogtoResponse(response, sends));
                handedOver = true;
                return response;
            }
            finally
            {
                if (!handedOver)
                {
                    response.Dispose();
                }
            }
        }
    }

    private async ValueTask<RateLimitLease> AcquirePermitAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        RateLimitLease lease = await _rateLimiter!.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : null;
        lease.Dispose();
        throw new LogtoRateLimitRejectedException(
            request.Method.Method + " " + request.PathTemplate + " was not sent: the client-side rate limiter had no permit for it and no room in its queue. " +
            "Send fewer requests at once, or raise the limiter's permit or queue limit.",
            retryAfter);
    }

    private static LogtoApiException Unreadable(RequestInformation request, HttpResponseMessage response, Type type, JsonException e) =>
        LogtoApiException.ForUnreadableBody(request, response, "the body could not be read as " + DescribeType(type) + ": " + e.Message, e);

    private static bool IsTransientFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (exception is HttpRequestException
            || exception is TaskCanceledException { InnerException: TimeoutException } // HttpClient.Timeout for one attempt
            || exception is LogtoTokenException { IsTransient: true });

    /// <summary>The delay before the next attempt: the server's <c>Retry-After</c> when given, else the backoff. False when the server asks for longer than the options allow.</summary>
    private bool TryGetRetryDelay(HttpResponseMessage response, LogtoRetryOptions retry, int retryNumber, out TimeSpan delay)
    {
        System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - _timeProvider.GetUtcNow();
            if (delay < TimeSpan.Zero)
            {
                delay = TimeSpan.Zero;
            }
        }
        else
        {
            delay = retry.GetBackoff(retryNumber);
            return true;
        }

        return delay <= retry.MaxDelay;
    }

    private static HttpRequestMessage CreateMessage(RequestInformation request, Uri uri, string? defaultAccept)
    {
        var message = new HttpRequestMessage(request.Method, uri);
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

    /// <summary>
    /// The lifetime of one call: links the caller's token with the request's <see cref="RequestConfiguration.Timeout"/>
    /// (on the adapter's clock), and disposes the request body at the end.
    /// </summary>
    private readonly struct CallScope : IDisposable
    {
        private readonly RequestInformation _request;
        private readonly CancellationToken _callerToken;
        private readonly CancellationTokenSource? _timeout;
        private readonly CancellationTokenSource? _linked;

        public CallScope(RequestInformation request, TimeProvider timeProvider, CancellationToken cancellationToken)
        {
            _request = request;
            _callerToken = cancellationToken;
            if (request.Configuration?.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
            {
                _timeout = new CancellationTokenSource(timeout, timeProvider);
                _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
                Token = _linked.Token;
            }
            else
            {
                Token = cancellationToken;
            }
        }

        public CancellationToken Token { get; }

        /// <summary>Whether a cancellation is of the token that links the caller's token with the timeout (so it needs mapping).</summary>
        public bool IsOwnCancellation(OperationCanceledException exception) =>
            _linked is not null && exception.CancellationToken == Token;

        /// <summary>
        /// A <see cref="System.TimeoutException"/> when the timeout passed; otherwise (the caller cancelled, which wins
        /// when both happened) the cancellation again, reported against the caller's own token.
        /// </summary>
        public Exception MapCancellation(OperationCanceledException exception)
        {
            if (_callerToken.IsCancellationRequested || _timeout is not { IsCancellationRequested: true })
            {
                return exception is TaskCanceledException
                    ? new TaskCanceledException(exception.Message, exception, _callerToken)
                    : new OperationCanceledException(exception.Message, exception, _callerToken);
            }

            return new TimeoutException(
                _request.Method.Method + " " + _request.PathTemplate + " (" + _request.OperationId + ") did not complete within its timeout of "
                + _request.Configuration!.Timeout!.Value + ". Raise RequestConfiguration.Timeout if the operation legitimately takes longer.", exception);
        }

        public void Dispose()
        {
            _linked?.Dispose();
            _timeout?.Dispose();
            _request.Content?.Dispose();
        }
    }
}
