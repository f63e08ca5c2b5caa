using LogtoGenerated.Http.Pipeline;

namespace LogtoGenerated.Authentication;

/// <summary>
/// A <see cref="DelegatingHandler"/> that puts a Logto access token on the requests of any <see cref="HttpClient"/>,
/// for machine-to-machine calls to your own API resources. After a <c>401</c> it gets a new token and sends the
/// request once more (when the body can be sent twice).
/// </summary>
/// <example><code>
/// var provider = new ClientCredentialsAuthenticationProvider(new LogtoClientCredentialsOptions
/// {
///     TenantId = "abc123", ClientId = "...", ClientSecret = "...",
///     Resource = "https://shopping.api", Scopes = { "read:orders" }, AllowedHosts = { "api.shopping.example" },
/// }, new HttpClient());
/// var http = new HttpClient(new LogtoClientCredentialsHandler(provider) { InnerHandler = new HttpClientHandler() });
/// </code></example>
public sealed class LogtoClientCredentialsHandler : DelegatingHandler
{
    private readonly AuthenticationStage _authentication;
    private readonly UnauthorizedReplayStage _unauthorizedReplay;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless <c>IHttpClientFactory</c> does.</summary>
    /// <param name="authenticationProvider">Supplies the token, usually a <see cref="ClientCredentialsAuthenticationProvider"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authenticationProvider"/> is <see langword="null"/>.</exception>
    public LogtoClientCredentialsHandler(IAuthenticationProvider authenticationProvider)
    {
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        _authentication = new AuthenticationStage(authenticationProvider, endpoint: null);
        _unauthorizedReplay = new UnauthorizedReplayStage(authenticationProvider);
    }

    /// <inheritdoc/>
    /// <remarks>The same stages as the Management API client's requests: authenticate, send, replay once after a 401.</remarks>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineCall call = PipelineCall.WithoutRetries(request, cancellationToken);
        while (true)
        {
            await _authentication.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            call.Sends++;
            if (!await _unauthorizedReplay.ShouldReplayAsync(call, request, response).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
        }
    }
}
