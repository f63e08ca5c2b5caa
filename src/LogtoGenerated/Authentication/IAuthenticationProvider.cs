namespace LogtoGenerated.Authentication;

/// <summary>
/// Adds credentials to the requests that <see cref="Http.LogtoRequestAdapter"/> sends to Logto.
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
}
