using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LogtoGenerated.Benchmarks.Infrastructure;

/// <summary>
/// An in-memory Logto: answers the token endpoint and the user routes with the recorded payloads and Logto's
/// headers, without a network. Both the client and the baseline send through it, so it costs them the same.
/// </summary>
/// <remarks>
/// Request bodies are read to the end, as a transport would (that is when <c>JsonContent</c> serializes).
/// API routes answer 401 without a bearer token, like Logto (20-api-no-auth).
/// </remarks>
public sealed class FakeLogtoHandler : HttpMessageHandler
{
    private static readonly byte[] EmptyArray = "[]"u8.ToArray();
    private static readonly byte[] Unauthorized = """{"code":"auth.authorization_header_missing","message":"Authorization header is missing."}"""u8.ToArray();
    private static readonly byte[] NotFound = "Not Found"u8.ToArray();

    private int _tokenRequests;
    private int _apiRequests;

    /// <summary>The <c>Total-Number</c> of <c>GET /api/users</c>: pages past it are empty.</summary>
    public long TotalUsers { get; set; } = 10_000;

    /// <summary>When set, the token endpoint answers only once this task completes (to hold many callers on a cold cache).</summary>
    public Task? TokenGate { get; set; }

    /// <summary>When set, receives a one-line description of every request (method, URI, headers, body).</summary>
    public List<string>? Transcript { get; set; }

    /// <summary>How many token requests arrived.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>How many API requests arrived.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null && Transcript is null)
        {
            return Task.FromResult(Route(request));
        }

        return SendWithBodyAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.Content is not null)
        {
            if (Transcript is null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Transcript is not null)
        {
            lock (Transcript)
            {
                Transcript.Add(Describe(request, body));
            }
        }

        if (TokenGate is { } gate && request.RequestUri!.AbsolutePath == "/oidc/token")
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Route(request);
    }

    private HttpResponseMessage Route(HttpRequestMessage request)
    {
        string path = request.RequestUri!.AbsolutePath;
        if (path == "/oidc/token" && request.Method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _tokenRequests);
            return request.Headers.Authorization is { Scheme: "Basic" } ? Json(Payloads.Token) : Json(Unauthorized, HttpStatusCode.Unauthorized);
        }

        Interlocked.Increment(ref _apiRequests);
        if (request.Headers.Authorization is not { Scheme: "Bearer" })
        {
            return Json(Unauthorized, HttpStatusCode.Unauthorized);
        }

        if (path == "/api/users")
        {
            if (request.Method == HttpMethod.Post)
            {
                return Json(Payloads.CreatedUser);
            }

            if (request.Method == HttpMethod.Get)
            {
                return UsersPage(request.RequestUri.Query);
            }
        }
        else if (path.StartsWith("/api/users/", StringComparison.Ordinal) && path.IndexOf('/', "/api/users/".Length) < 0
            && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Patch))
        {
            return Json(Payloads.User);
        }

        var notFound = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent(NotFound) };
        notFound.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=utf-8");
        return notFound;
    }

    /// <summary>Page <c>page</c> (default 1) of <see cref="TotalUsers"/> users, <see cref="Payloads.PageSize"/> a page.</summary>
    private HttpResponseMessage UsersPage(string query)
    {
        int page = 1;
        foreach (string pair in query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("page=", StringComparison.Ordinal))
            {
                page = int.Parse(pair.AsSpan("page=".Length), CultureInfo.InvariantCulture);
            }
        }

        HttpResponseMessage response = Json((long)(page - 1) * Payloads.PageSize < TotalUsers ? Payloads.UsersPage : EmptyArray);
        response.Headers.TryAddWithoutValidation("Total-Number", TotalUsers.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Json(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.TryAddWithoutValidation("Logto-Core-Request-Id", "j1nD7X9_6hS_uZek");
        return response;
    }

    private static string Describe(HttpRequestMessage request, string? body)
    {
        var line = new StringBuilder().Append(request.Method).Append(' ').Append(request.RequestUri);
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            string value = header.Key == "Authorization" ? header.Value.ToString().Split(' ')[0] + " ..." : header.Value.ToString();
            line.Append(" | ").Append(header.Key).Append(": ").Append(value);
        }

        if (request.Content is not null)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Content.Headers.NonValidated)
            {
                line.Append(" | ").Append(header.Key).Append(": ").Append(header.Value.ToString());
            }
        }

        return body is null ? line.ToString() : line.Append(" | ").Append(body).ToString();
    }
}
