using System.Threading.RateLimiting;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary>
/// A Kestrel fake of Logto, an <see cref="HttpClient"/>, and a <see cref="FakeTimeProvider"/> that every adapter
/// made here uses: retry delays and timeouts pass only when a test advances the clock.
/// </summary>
public abstract class PipelineTestBase : IAsyncLifetime
{
    protected FakeLogtoServer Server { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    protected FakeTimeProvider Time { get; } = new();

    /// <summary>The bearer token <see cref="Client"/> sends.</summary>
    protected const string BearerToken = "test-access-token";

    /// <summary>
    /// A client sending <see cref="BearerToken"/>, without retries: for tests of what is sent and read, where a retry
    /// would only wait (on the fake clock).
    /// </summary>
    protected LogtoManagementClient Client =>
        _client ??= CreateClient(LogtoRetryOptions.None, authentication: new BearerTokenAuthenticationProvider(BearerToken));

    private LogtoManagementClient? _client;

    public virtual async Task InitializeAsync() => Server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected LogtoRequestAdapter CreateAdapter(
        LogtoRetryOptions? retry = null,
        RateLimiter? rateLimiter = null,
        IAuthenticationProvider? authentication = null,
        Uri? endpoint = null,
        HttpClient? http = null) =>
        new(
            http ?? Http,
            authentication ?? new BearerTokenAuthenticationProvider("token-1"),
            endpoint ?? Server.Endpoint,
            new LogtoManagementOptions { Retry = retry ?? LogtoRetryOptions.Default, RateLimiter = rateLimiter, TimeProvider = Time });

    protected LogtoManagementClient CreateClient(
        LogtoRetryOptions? retry = null,
        RateLimiter? rateLimiter = null,
        IAuthenticationProvider? authentication = null,
        Uri? endpoint = null,
        HttpClient? http = null) =>
        new(CreateAdapter(retry, rateLimiter, authentication, endpoint, http));

    /// <summary>Answers the requests with <paramref name="responses"/> in turn; the last one answers every further request.</summary>
    protected void RespondInTurn(params FakeResponse[] responses) => Server.Respond(FakeResponse.InTurn(responses));

    /// <summary>A Logto-style JSON error with this status and its own request id.</summary>
    protected static FakeResponse Status(int statusCode) =>
        FakeResponse.Json(statusCode, $$"""{"code":"fake.status_{{statusCode}}","message":"Fake status {{statusCode}}."}""");

    /// <summary>Logto's recorded answer with a user: id <c>0v6t4aelt1uj</c>, request id <c>j1nD7X9_6hS_uZek</c>.</summary>
    protected static FakeResponse RecordedUser() => FakeResponse.FromRecording("03-create-user-1.txt");

    /// <summary>A request <paramref name="path"/> answered by a responder that never answers; <paramref name="received"/> completes when it arrives.</summary>
    protected void NeverAnswer(string method, string path, TaskCompletionSource<RecordedRequest> received) =>
        Server.On(method, path, async (request, cancellationToken) =>
        {
            received.TrySetResult(request);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
}
