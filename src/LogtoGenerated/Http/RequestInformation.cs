using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LogtoGenerated.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Http;

/// <summary>Everything needed to send one operation: method, path, query, headers and body.</summary>
/// <remarks>Built by the generated request builders and sent by <see cref="LogtoRequestAdapter"/>. Not thread-safe: one instance per call.</remarks>
public sealed class RequestInformation
{
    private QueryStringBuilder? _query;
    private Dictionary<string, string>? _headers;

    /// <summary>Creates the request information of one call.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path as the API documents it, for example <c>/api/users/{userId}</c>; used in errors and logs.</param>
    /// <param name="path">The concrete path with parameters already escaped, for example <c>/api/users/u%201</c>; must start with <c>/</c>.</param>
    /// <param name="operationId">The operation's id, for example <c>GetUser</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A path does not start with <c>/</c>, or <paramref name="path"/> contains <c>?</c> or <c>#</c>.</exception>
    public RequestInformation(HttpMethod method, string pathTemplate, string path, string operationId)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(operationId);
        if (pathTemplate.Length == 0 || pathTemplate[0] != '/')
        {
            throw new ArgumentException("The path template must start with '/', for example \"/api/users/{userId}\".", nameof(pathTemplate));
        }

        if (path.Length == 0 || path[0] != '/')
        {
            throw new ArgumentException("The path must start with '/', for example \"/api/users/u1\".", nameof(path));
        }

        if (path.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            throw new ArgumentException("The path must not contain '?' or '#': add query parameters to Query, and escape path parameters.", nameof(path));
        }

        Method = method;
        PathTemplate = pathTemplate;
        Path = path;
        OperationId = operationId;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The documented path template, for example <c>/api/users/{userId}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The concrete, escaped path, for example <c>/api/users/u%201</c>.</summary>
    public string Path { get; }

    /// <summary>The operation's id, for example <c>GetUser</c>.</summary>
    public string OperationId { get; }

    /// <summary>The query string, created on first access.</summary>
    public QueryStringBuilder Query => _query ??= new QueryStringBuilder();

    /// <summary>Headers to send, created on first access; names are case-insensitive.</summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The request body, or <see langword="null"/> for none.</summary>
    public HttpContent? Content { get; set; }

    /// <summary>The headers when any were set; <see langword="null"/> otherwise.</summary>
    internal Dictionary<string, string>? HeadersOrNull => _headers;

    /// <summary>The caller's configuration of this request (timeout, retries, response callback), if any.</summary>
    internal RequestConfiguration? Configuration { get; private set; }

    /// <summary>Whether <see cref="Content"/> can be sent more than once (for a retry or a replay after a 401).</summary>
    /// <remarks>The one replay rule, <see cref="LogtoTokenReplay.CanSendAgain(HttpContent?)"/>, which also knows this library's file uploads
    /// (replayable when their stream can seek).</remarks>
    internal bool IsContentReplayable =>
        LogtoTokenReplay.CanSendAgain(Content, static part => part is FileUploadContent { CanReplay: true });

    /// <summary>Applies a caller's configuration lambda: runs it on a new <see cref="RequestConfiguration"/> and copies the headers it set.</summary>
    /// <param name="configure">The caller's lambda; <see langword="null"/> does nothing.</param>
    public void Configure(Action<RequestConfiguration>? configure)
    {
        if (configure is null)
        {
            return;
        }

        var configuration = new RequestConfiguration();
        configure(configuration);
        CopyHeaders(configuration.HeadersOrNull);
        Configuration = configuration;
    }

    /// <summary>
    /// Applies a caller's configuration lambda: runs it on a new <see cref="RequestConfiguration{TQueryParameters}"/>,
    /// copies the headers it set and writes the query parameters into <see cref="Query"/>.
    /// </summary>
    /// <typeparam name="TQueryParameters">The operation's generated query parameter class.</typeparam>
    /// <param name="configure">The caller's lambda; <see langword="null"/> does nothing.</param>
    public void Configure<TQueryParameters>(Action<RequestConfiguration<TQueryParameters>>? configure)
        where TQueryParameters : class, IQueryParameters, new()
    {
        if (configure is null)
        {
            return;
        }

        var configuration = new RequestConfiguration<TQueryParameters>();
        configure(configuration);
        CopyHeaders(configuration.HeadersOrNull);
        configuration.QueryParametersOrNull?.WriteTo(Query);
        Configuration = configuration;
    }

    /// <summary>
    /// Sets an <c>application/json; charset=utf-8</c> body, serialized here with the generated JSON metadata: a body that
    /// cannot be serialized throws before anything is sent, and the request carries a <c>Content-Length</c>.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="typeInfo">The body type's metadata from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    public void SetJsonContent<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        // Serializing to bytes once, synchronously, costs less than JsonContent's asynchronous serialization while the
        // request is sent: the models keep unknown properties (JsonExtensionData), which rules out the source
        // generator's fast path, and the asynchronous path is the slower of the two that remain.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        Content = content;
    }

    /// <summary>
    /// Sets a <c>multipart/form-data</c> body. A <see cref="FileUpload"/> value becomes a file part (name, file name,
    /// content type); a string becomes a text part; another value becomes a text part formatted in the invariant
    /// culture (booleans as <c>true</c>/<c>false</c>); <see langword="null"/> values are skipped.
    /// </summary>
    /// <remarks>
    /// Parts are written as browsers write forms (RFC 7578, the HTML standard): <c>Content-Disposition: form-data;
    /// name="file"; filename="avatar.png"</c>, names and file names quoted and in UTF-8, with <c>"</c>, CR and LF
    /// percent-encoded, and without the <c>filename*</c> parameter RFC 7578 forbids. (<see cref="MultipartFormDataContent"/>
    /// writes unquoted names and adds <c>filename*</c>, which some servers' form parsers do not read.)
    /// </remarks>
    /// <param name="parts">The form field names and values, in order.</param>
    public void SetMultipartContent(IEnumerable<KeyValuePair<string, object?>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var content = new MultipartContent("form-data")
        {
            HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };
        foreach (KeyValuePair<string, object?> part in parts)
        {
            if (string.IsNullOrEmpty(part.Key))
            {
                content.Dispose();
                throw new ArgumentException("A multipart field name must not be null or empty.", nameof(parts));
            }

            switch (part.Value)
            {
                case null:
                    break;
                case FileUpload file:
                    content.Add(new FileUploadContent(file, $"form-data; name={QuoteFormValue(part.Key)}; filename={QuoteFormValue(file.FileName)}"));
                    break;
                default:
                    // Browsers send text fields without a Content-Type; servers then read them as text.
                    var text = new StringContent(ParameterFormatter.Format(part.Value));
                    text.Headers.ContentType = null;
                    text.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name={QuoteFormValue(part.Key)}");
                    content.Add(text);
                    break;
            }
        }

        Content = content;
    }

    /// <summary>A form field name or file name as a quoted string, escaped the way the HTML standard's form encoding does.</summary>
    internal static string QuoteFormValue(string value) =>
        "\"" + value.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal) + "\"";

    /// <summary>Sets an <c>application/x-www-form-urlencoded</c> body holding the pairs of <paramref name="form"/>.</summary>
    /// <param name="form">The form fields.</param>
    public void SetFormContent(QueryStringBuilder form)
    {
        ArgumentNullException.ThrowIfNull(form);
        Content = form.ToFormContent();
    }

    /// <summary>
    /// Builds the absolute request URI: the endpoint's origin and base path (trailing <c>/</c> trimmed), then
    /// <see cref="Path"/>, then <c>?</c> and the query when there is one.
    /// </summary>
    /// <param name="endpoint">The Logto origin, maybe with a base path: <c>https://my-tenant.logto.app</c> or <c>https://host/logto</c>.</param>
    /// <returns>For example <c>https://host/logto/api/users?page=2</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not absolute.</exception>
    public Uri BuildUri(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint must be an absolute URI such as \"https://your-tenant.logto.app\".", nameof(endpoint));
        }

        return BuildUri(LogtoEndpoint.GetBaseAddress(endpoint));
    }

    /// <summary>Builds the request URI from a base address computed once by <see cref="LogtoEndpoint.GetBaseAddress"/>.</summary>
    internal Uri BuildUri(string baseAddress)
    {
        string uri = _query is null || _query.Count == 0
            ? string.Concat(baseAddress, Path)
            : string.Concat(baseAddress, Path, "?", _query.ToString());
        return new Uri(uri, UriKind.Absolute);
    }

    private void CopyHeaders(Dictionary<string, string>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return;
        }

        IDictionary<string, string> target = Headers;
        foreach (KeyValuePair<string, string> header in headers)
        {
            target[header.Key] = header.Value;
        }
    }
}
