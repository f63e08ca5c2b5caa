using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;

namespace LogtoGenerated.LiveTests.Server;

/// <summary>
/// The real Logto the live tests run against, from environment variables (the names <c>credentials.env</c> of the
/// bundled server recipe exports): <c>LOGTO_ENDPOINT</c>, and an M2M app with the Management API role
/// (<c>LOGTO_APP_ID</c>, <c>LOGTO_APP_SECRET</c>); for the token flows also an M2M app without a role
/// (<c>LOGTO_NOROLE_APP_ID</c>, <c>LOGTO_NOROLE_APP_SECRET</c>) and an API resource whose tokens live 60 s, granted
/// to the first app (<c>LOGTO_SHOP_RESOURCE</c>, <c>LOGTO_SHOP_SCOPE</c>).
/// </summary>
internal sealed record LiveServer(Uri Endpoint, string AppId, string AppSecret)
{
    /// <summary>The variables that must be set for the live tests to run.</summary>
    public static readonly string[] RequiredVariables = ["LOGTO_ENDPOINT", "LOGTO_APP_ID", "LOGTO_APP_SECRET"];

    private static readonly Lazy<LiveServer?> Configured = new(Read);

    /// <summary>The configured server, or null when the variables are not set.</summary>
    public static LiveServer? Current => Configured.Value;

    /// <summary>Whether this is CI (<c>CI=true</c>), where the live tests must run.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured server; throws with what to set when there is none (in CI, a missing server fails the run).</summary>
    public static LiveServer Required => Current ?? throw new InvalidOperationException(
        $"The live tests need a Logto server: set {string.Join(", ", RequiredVariables)} (see README, 'Live tests'). In CI, .ci/run starts one.");

    /// <summary>The Management API's resource indicator (<c>LOGTO_MANAGEMENT_RESOURCE</c>; the default tenant's when not set).</summary>
    public string ManagementResource { get; init; } = "https://default.logto.app/api";

    /// <summary>The M2M app without any role, if configured.</summary>
    public (string Id, string Secret)? NoRoleApp { get; init; }

    /// <summary>The API resource whose tokens live 60 s and the scope granted to <see cref="AppId"/>, if configured.</summary>
    public (string Indicator, string Scope)? ShopResource { get; init; }

    /// <summary>A client of the Management API with the M2M app, recording every exchange (see <see cref="ExchangeRecorder"/>).</summary>
    public LogtoManagementClient CreateClient(LogtoRetryOptions? retry = null) => LogtoManagementClient.Create(
        new LogtoManagementOptions
        {
            Endpoint = Endpoint,
            ClientId = AppId,
            ClientSecret = AppSecret,
            Retry = retry ?? LogtoRetryOptions.None,
        },
        new HttpClient(new ExchangeRecorder()) { Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>
    /// A new token provider of the M2M app (a new one each time: a test wants a token of its own, not one cached by an
    /// earlier test), for <paramref name="resource"/> and/or <paramref name="organizationId"/>; the token may go to 127.0.0.1.
    /// </summary>
    public ClientCredentialsAuthenticationProvider CreateTokenProvider(string? resource, string? organizationId, params string[] scopes) =>
        new(new LogtoClientCredentialsOptions
        {
            Endpoint = Endpoint,
            ClientId = AppId,
            ClientSecret = AppSecret,
            Resource = resource,
            OrganizationId = organizationId,
            Scopes = scopes,
            AllowedHosts = { "127.0.0.1" },
        }, new HttpClient());

    /// <summary>The header (part 0) or claims (part 1) of a JWT, not verified: for tokens straight from the token endpoint.</summary>
    public static JsonObject JwtPart(string jwt, int part)
    {
        string text = jwt.Split('.')[part].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='))))!.AsObject();
    }

    /// <summary>Requests a token at the token endpoint by hand (Basic authentication), for tests that look at the wire.</summary>
    public async Task<(int Status, JsonObject Body)> RequestTokenAsync(string clientId, string clientSecret, string? resource, string? scope)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, "/oidc/token"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (resource is not null)
        {
            form["resource"] = resource;
        }

        if (scope is not null)
        {
            form["scope"] = scope;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? throw new JsonException("The token endpoint answered with " + text));
    }

    private static LiveServer? Read()
    {
        var values = RequiredVariables.Select(Environment.GetEnvironmentVariable).ToArray();
        if (values.Any(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        if (!Uri.TryCreate(values[0], UriKind.Absolute, out var endpoint))
        {
            throw new InvalidOperationException($"LOGTO_ENDPOINT must be an absolute URL like http://127.0.0.1:3001, not '{values[0]}'.");
        }

        string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        return new LiveServer(endpoint, values[1]!, values[2]!)
        {
            NoRoleApp = Variable("LOGTO_NOROLE_APP_ID") is { } id && Variable("LOGTO_NOROLE_APP_SECRET") is { } secret ? (id, secret) : null,
            ShopResource = Variable("LOGTO_SHOP_RESOURCE") is { } indicator ? (indicator, Variable("LOGTO_SHOP_SCOPE") ?? "read:orders") : null,
            ManagementResource = Variable("LOGTO_MANAGEMENT_RESOURCE") ?? "https://default.logto.app/api",
        };
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"Logto at {Endpoint} (M2M app {AppId})";
}

/// <summary>
/// A live test: it runs when <see cref="LiveServer"/> is configured, and always in CI. Outside CI without a server it
/// is reported as not run, with the reason given in full once (on the first live test) and briefly after that.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LiveFactAttribute : FactAttribute
{
    private static int _explained;

    public LiveFactAttribute()
    {
        if (LiveServer.Current is not null || LiveServer.IsCi)
        {
            return;
        }

        Skip = Interlocked.Exchange(ref _explained, 1) == 0
            ? $"Live tests did not run: no Logto server. Set {string.Join(", ", LiveServer.RequiredVariables)} to run them against your Logto, " +
              "or start the bundled one (README, 'Live tests'). CI always runs them."
            : "Live test did not run: no Logto server (see the first live test's message).";
    }
}
