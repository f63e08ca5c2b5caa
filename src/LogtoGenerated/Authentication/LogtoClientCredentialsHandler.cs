using System.Net;

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
    private readonly IAuthenticationProvider _authenticationProvider;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless <c>IHttpClientFactory</c> does.</summary>
    /// <param name="authenticationProvider">Supplies the token, usually a <see cref="ClientCredentialsAuthenticationProvider"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authenticationProvider"/> is <see langword="null"/>.</exception>
    public LogtoClientCredentialsHandler(IAuthenticationProvider authenticationProvider)
    {
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        _authenticationProvider = authenticationProvider;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _authenticationProvider.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // As in the client's own pipeline: the provider hears of the 401 (and drops the stale token for the next request)
        // also when this request's body cannot be sent again; only a replayable request is replayed.
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Headers.Authorization is null
            || !await _authenticationProvider.HandleUnauthorizedAsync(request, response, cancellationToken).ConfigureAwait(false)
            || !Http.RequestInformation.IsReplayable(request.Content))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = null;
        await _authenticationProvider.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
