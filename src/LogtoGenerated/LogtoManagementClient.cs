using LogtoGenerated.Authentication;
using LogtoGenerated.Http;

namespace LogtoGenerated;

/// <summary>
/// The Logto Management API client. Start here: its properties (generated from Logto's OpenAPI document)
/// mirror the API's paths, for example <c>client.Users["id"].Roles.GetAsync()</c>.
/// </summary>
/// <remarks>Thread-safe; create one per Logto tenant and reuse it.</remarks>
public partial class LogtoManagementClient
{
    private readonly LogtoRequestAdapter? _requestAdapter;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The client that sends the requests; not disposed by this client.</param>
    /// <param name="authenticationProvider">Adds credentials (an access token) to every request.</param>
    /// <param name="endpoint">Your Logto origin without <c>/api</c>, for example <c>https://my-tenant.logto.app</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URI of a Logto origin.</exception>
    public LogtoManagementClient(HttpClient httpClient, IAuthenticationProvider authenticationProvider, Uri endpoint)
        : this(new LogtoRequestAdapter(httpClient, authenticationProvider, endpoint))
    {
    }

    /// <summary>Creates a client that sends its requests through <paramref name="requestAdapter"/>.</summary>
    /// <param name="requestAdapter">The adapter that sends every request.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestAdapter"/> is <see langword="null"/>.</exception>
    public LogtoManagementClient(LogtoRequestAdapter requestAdapter)
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        _requestAdapter = requestAdapter;
    }

    /// <summary>For mocking: <see cref="RequestAdapter"/> of a client made this way throws <see cref="InvalidOperationException"/>.</summary>
    protected LogtoManagementClient()
    {
    }

    /// <summary>The adapter that sends this client's requests.</summary>
    /// <exception cref="InvalidOperationException">The client was created with the protected constructor for mocking.</exception>
    public LogtoRequestAdapter RequestAdapter => _requestAdapter ?? throw MockingGuard.NoRequestAdapter(nameof(LogtoManagementClient));
}
