using LogtoGenerated.Authentication;

namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// Stage 2: lets the authentication provider add credentials to each attempt. The provider decides, by the one
/// allowed-host rule, whether the request may carry them; a provider created without hosts is bound here to the
/// endpoint's host.
/// </summary>
internal sealed class AuthenticationStage
{
    public AuthenticationStage(IAuthenticationProvider provider, Uri? endpoint)
    {
        Provider = endpoint is not null && provider is IEndpointBoundAuthentication bound ? bound.ForEndpoint(endpoint) : provider;
    }

    /// <summary>The provider, bound to the endpoint when it had no hosts of its own.</summary>
    public IAuthenticationProvider Provider { get; }

    /// <summary>Adds the credentials; completes synchronously when the provider has them at hand.</summary>
    public ValueTask AuthenticateAsync(HttpRequestMessage message, CancellationToken cancellationToken) =>
        Provider.AuthenticateRequestAsync(message, cancellationToken);
}
