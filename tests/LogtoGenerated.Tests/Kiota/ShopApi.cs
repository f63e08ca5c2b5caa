using LogtoGenerated.Authentication;
using LogtoGenerated.Kiota;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.Kiota.Shop.Client;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace LogtoGenerated.Tests.Kiota;

/// <summary>
/// A fake Logto (its token endpoint, <see cref="TokenEndpoint"/>) and a fake API resource protected by it, the shop of
/// <c>Shop/shop.openapi.yaml</c>, each on its own Kestrel server on 127.0.0.1; and the shop's Kiota-generated client.
/// </summary>
public sealed class ShopApi : IAsyncLifetime
{
    /// <summary>The API resource indicator of the shop.</summary>
    public const string Resource = "https://shopping.api";

    /// <summary>The scope the tests ask for.</summary>
    public const string Scope = "read:orders";

    /// <summary>An order as the shop answers it.</summary>
    public const string OrderJson = """{"id":"o1","item":"tea","quantity":2}""";

    /// <summary>Logto: the token endpoint.</summary>
    public FakeLogtoServer Logto { get; private set; } = null!;

    /// <summary>The shop's API, which only the token's allowed host may reach with the token.</summary>
    public FakeLogtoServer Api { get; private set; } = null!;

    /// <summary>The shop API's host and port, as <see cref="LogtoClientCredentialsOptions.AllowedHosts"/> lists it.</summary>
    public string ApiHost => "127.0.0.1:" + Api.Endpoint.Port;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Logto = await FakeLogtoServer.StartAsync();
        Api = await FakeLogtoServer.StartAsync();
        Logto.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: Scope));
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Logto.DisposeAsync();
    }

    /// <summary>The options of an M2M app for the shop: Logto's endpoint, the credentials, the resource, the scope, the API's host.</summary>
    public LogtoClientCredentialsOptions Options() => new()
    {
        Endpoint = Logto.Endpoint,
        ClientId = TokenEndpoint.ClientId,
        ClientSecret = TokenEndpoint.ClientSecret,
        Resource = Resource,
        Scopes = { Scope },
        AllowedHosts = { ApiHost },
    };

    /// <summary>The token requests Logto received.</summary>
    public IReadOnlyList<RecordedRequest> TokenRequests => Logto.Requests.Where(r => r.Path == TokenEndpoint.Path).ToList();

    /// <summary>
    /// The shop's Kiota client as the README builds it: Kiota's default handlers with a <see cref="LogtoTokenRefreshHandler"/>
    /// last, an <see cref="HttpClientRequestAdapter"/> with <paramref name="authentication"/>, and <paramref name="baseUrl"/>
    /// as the base URL.
    /// </summary>
    public static ShopClient CreateClient(LogtoKiotaAuthenticationProvider authentication, Uri baseUrl)
    {
        IList<DelegatingHandler> handlers = KiotaClientFactory.CreateDefaultHandlers();
        handlers.Add(new LogtoTokenRefreshHandler(authentication));
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: KiotaClientFactory.Create(handlers))
        {
            BaseUrl = baseUrl.AbsoluteUri.TrimEnd('/'),
        };
        return new ShopClient(adapter);
    }

    /// <summary>A client for the fake API, with a new <see cref="LogtoKiotaAuthenticationProvider"/> for <see cref="Options"/>.</summary>
    public ShopClient CreateClient() => CreateClient(new LogtoKiotaAuthenticationProvider(Options(), new HttpClient()), Api.Endpoint);
}
