using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Benchmarks.Baseline;

/// <summary>
/// The same calls written by hand with <see cref="HttpClient"/> and System.Text.Json source generation: the baseline
/// every benchmark compares the generated client with. Same headers (bearer token, <c>Accept: application/json</c>),
/// same response types, streamed deserialization.
/// </summary>
public sealed class BaselineLogtoClient
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient _http;
    private readonly string _api;

    public BaselineLogtoClient(HttpClient http, string endpoint, string clientId, string clientSecret, string resource)
    {
        _http = http;
        _api = endpoint + "/api";
        Tokens = new BaselineTokenProvider(http, endpoint, clientId, clientSecret, resource);
    }

    public BaselineTokenProvider Tokens { get; }

    public Task<BaselineUser> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, _api + "/users/" + Uri.EscapeDataString(userId)),
            BaselineJsonContext.Default.BaselineUser, cancellationToken);

    public Task<List<BaselineUser>> ListUsersAsync(int pageSize, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, _api + "/users?page_size=" + pageSize.ToString(CultureInfo.InvariantCulture)),
            BaselineJsonContext.Default.ListBaselineUser, cancellationToken);

    public Task<BaselineUser> CreateUserAsync(BaselineCreateUserRequest body, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, _api + "/users")
        {
            Content = JsonContent.Create(body, BaselineJsonContext.Default.BaselineCreateUserRequest),
        }, BaselineJsonContext.Default.BaselineUser, cancellationToken);

    public Task<BaselineUser> UpdateUserAsync(string userId, BaselineUpdateUserRequest body, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, _api + "/users/" + Uri.EscapeDataString(userId))
        {
            Content = JsonContent.Create(body, BaselineJsonContext.Default.BaselineUpdateUserRequest),
        }, BaselineJsonContext.Default.BaselineUser, cancellationToken);

    /// <summary>Every user, 100 a page, until a short page or the page that reaches <c>Total-Number</c>.</summary>
    public async IAsyncEnumerable<BaselineUser> GetAllUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int PageSize = 100;
        for (int page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                _api + "/users?page=" + page.ToString(CultureInfo.InvariantCulture) + "&page_size=" + PageSize.ToString(CultureInfo.InvariantCulture));
            await Tokens.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
            request.Headers.Accept.Add(AcceptJson);
            List<BaselineUser> users;
            long total;
            using (HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                response.EnsureSuccessStatusCode();
                total = response.Headers.TryGetValues("Total-Number", out IEnumerable<string>? values)
                    ? long.Parse(values.First(), CultureInfo.InvariantCulture)
                    : long.MaxValue;
                users = await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.ListBaselineUser, cancellationToken).ConfigureAwait(false) ?? [];
            }

            foreach (BaselineUser user in users)
            {
                yield return user;
            }

            if (users.Count < PageSize || (long)page * PageSize >= total)
            {
                yield break;
            }
        }
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using (request)
        {
            await Tokens.AuthenticateRequestAsync(request, cancellationToken).ConfigureAwait(false);
            request.Headers.Accept.Add(AcceptJson);
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Logto answered JSON null.");
        }
    }
}
