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
    private readonly IAuthenticationProvider _provider;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless <c>IHttpClientFactory</c> does.</summary>
    /// <param name="authenticationProvider">Supplies the token, usually a <see cref="ClientCredentialsAuthenticationProvider"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authenticationProvider"/> is <see langword="null"/>.</exception>
    public LogtoClientCredentialsHandler(IAuthenticationProvider authenticationProvider)
    {
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        _provider = authenticationProvider;
    }

    /// <inheritdoc/>
    /// <remarks>The same steps as the Management API client's requests: authenticate, send, and after the first 401 the one replay rule, <see cref="LogtoTokenReplay"/>.</remarks>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _provider.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await LogtoTokenReplay.ShouldReplayAsync(_provider, request, response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        await _provider.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
