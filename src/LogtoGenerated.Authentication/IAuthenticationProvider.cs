namespace LogtoGenerated.Authentication;

/// <summary>
/// Adds credentials to outgoing requests: those of the Management API client (<c>LogtoRequestAdapter</c>) and of
/// <see cref="LogtoClientCredentialsHandler"/>.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: one provider serves every concurrent call of a client.
/// </remarks>
public interface IAuthenticationProvider
{
    /// <summary>Adds credentials (for example an <c>Authorization</c> header) to an outgoing request.</summary>
    /// <param name="request">The request about to be sent; its <see cref="HttpRequestMessage.RequestUri"/> is absolute.</param>
    /// <param name="cancellationToken">Cancels the operation, for example a token fetch.</param>
    /// <returns>A task that completes when the request carries its credentials.</returns>
    ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the server answered <c>401 Unauthorized</c> to a request this provider authenticated. A provider
    /// that can get fresh credentials (for example by discarding a cached access token that was revoked or expired
    /// early) does so and returns <see langword="true"/>: the request is then authenticated and sent once more.
    /// The default returns <see langword="false"/>: the 401 is final.
    /// </summary>
    /// <param name="request">The request that was refused, as it was sent (with the credentials it carried).</param>
    /// <param name="response">The 401 response.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the request should be authenticated and sent again.</returns>
    ValueTask<bool> HandleUnauthorizedAsync(
        HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);
}
