using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace LogtoGenerated.Benchmarks.Baseline;

/// <summary>
/// A hand-written client-credentials token cache, as one would write it: the bearer header reused while the token is
/// fresh (one minute of skew), one fetch at a time behind a semaphore, checked again once inside.
/// </summary>
public sealed class BaselineTokenProvider
{
    private readonly HttpClient _http;
    private readonly string _tokenEndpoint;
    private readonly AuthenticationHeaderValue _basic;
    private readonly KeyValuePair<string, string>[] _form;
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile CachedToken? _token;

    public BaselineTokenProvider(HttpClient http, string endpoint, string clientId, string clientSecret, string resource)
    {
        _http = http;
        _tokenEndpoint = endpoint + "/oidc/token";
        _basic = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret))));
        _form = [new("grant_type", "client_credentials"), new("resource", resource), new("scope", "all")];
    }

    /// <summary>Sets <c>Authorization: Bearer</c>; synchronous while the cached token is fresh.</summary>
    public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CachedToken? token = _token;
        if (token is not null && DateTimeOffset.UtcNow < token.RefreshAt)
        {
            request.Headers.Authorization = token.Header;
            return default;
        }

        return AuthenticateSlowAsync(request, cancellationToken);
    }

    private async ValueTask AuthenticateSlowAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CachedToken? token = _token;
            if (token is null || DateTimeOffset.UtcNow >= token.RefreshAt)
            {
                _token = token = await FetchAsync(cancellationToken).ConfigureAwait(false);
            }

            request.Headers.Authorization = token.Header;
        }
        finally
        {
            _fetch.Release();
        }
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint) { Content = new FormUrlEncodedContent(_form) };
        request.Headers.Authorization = _basic;
        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        BaselineTokenResponse body = await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.BaselineTokenResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The token endpoint answered JSON null.");
        return new CachedToken(new AuthenticationHeaderValue("Bearer", body.AccessToken), DateTimeOffset.UtcNow.AddSeconds(body.ExpiresIn - 60));
    }

    private sealed record CachedToken(AuthenticationHeaderValue Header, DateTimeOffset RefreshAt);
}
