using LogtoGenerated.Authentication;

namespace LogtoGenerated.Kiota;

/// <summary>
/// A <see cref="DelegatingHandler"/> for a Kiota client's <see cref="HttpClient"/>: when the API answers <c>401</c> to a
/// request that <see cref="LogtoKiotaAuthenticationProvider"/> gave a token, it discards that token (revoked, or
/// expired early), gets a new one and sends the request once more. A second <c>401</c> is the answer.
/// </summary>
/// <remarks>
/// <para>
/// Add it last, after Kiota's default handlers, so that it sees each request as it goes out (after redirects and
/// before retries are counted): <c>handlers.Add(new LogtoTokenRefreshHandler(authentication))</c> on the list of
/// <c>KiotaClientFactory.CreateDefaultHandlers()</c>, then <c>KiotaClientFactory.Create(handlers)</c>.
/// </para>
/// <para>
/// The rule is the one of every LogtoGenerated client, <see cref="LogtoTokenReplay"/>: only a request whose body can be
/// sent twice is replayed (Kiota's serialized bodies can: they know their length over a stream that rewinds). The refused
/// token is discarded in every case, so the next request gets a new one. Requests whose <c>Authorization</c> header the
/// caller set are left alone.
/// </para>
/// </remarks>
public sealed class LogtoTokenRefreshHandler : DelegatingHandler
{
    private readonly ClientCredentialsAuthenticationProvider _tokenProvider;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless <c>KiotaClientFactory</c> or <c>IHttpClientFactory</c> does.</summary>
    /// <param name="authenticationProvider">The provider of the Kiota client's request adapter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authenticationProvider"/> is <see langword="null"/>.</exception>
    public LogtoTokenRefreshHandler(LogtoKiotaAuthenticationProvider authenticationProvider)
    {
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        _tokenProvider = authenticationProvider.TokenProvider
            ?? throw new ArgumentException("The authentication provider has no token provider.", nameof(authenticationProvider));
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!LogtoTokenOption.IsOn(request)
            || !await LogtoTokenReplay.ShouldReplayAsync(_tokenProvider, request, response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        await _tokenProvider.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
