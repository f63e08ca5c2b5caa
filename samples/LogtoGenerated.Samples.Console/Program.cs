// Lists the tenant's users page by page, creates a user, renames it with a partial update and deletes it,
// printing each step. With PROTECTED_API_URL set, it instead calls that API (such as the ProtectedApi sample) with a
// token for its API resource. Configuration comes from environment variables (see Usage below).
using LogtoGenerated;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Paging;

const string Usage = """
    Set these environment variables, then run the sample again:
      LOGTO_ENDPOINT        your Logto's address, e.g. https://auth.example.com (self-hosted)
        or LOGTO_TENANT_ID  your Logto Cloud tenant id, e.g. abc123 for https://abc123.logto.app
      LOGTO_M2M_APP_ID      the App ID of a machine-to-machine application
      LOGTO_M2M_APP_SECRET  one of its App secrets
    The application needs a role with the Management API's "all" permission,
    such as the built-in "Logto Management API access" role.
    To call your own API protected by Logto instead (the ProtectedApi sample), also set:
      PROTECTED_API_URL       the API's address, e.g. https://api.example.com
      PROTECTED_API_RESOURCE  its API identifier in Logto, e.g. https://shopping.api
    The application then needs a role with that resource's "read:orders" permission.
    """;
const int PageSize = 20;
const int MaxPagesListed = 5;

string? endpoint = Variable("LOGTO_ENDPOINT");
string? tenantId = Variable("LOGTO_TENANT_ID");
string? appId = Variable("LOGTO_M2M_APP_ID");
string? appSecret = Variable("LOGTO_M2M_APP_SECRET");
if ((endpoint is null && tenantId is null) || appId is null || appSecret is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var options = new LogtoManagementOptions { ClientId = appId, ClientSecret = appSecret };
if (endpoint is not null)
{
    if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? endpointUri))
    {
        Console.Error.WriteLine($"LOGTO_ENDPOINT must be an absolute URL such as https://auth.example.com; it is '{endpoint}'.");
        return 2;
    }

    options.Endpoint = endpointUri;
}
else
{
    options.TenantId = tenantId;
}

string? protectedApiUrl = Variable("PROTECTED_API_URL");
string? protectedApiResource = Variable("PROTECTED_API_RESOURCE");
Uri? protectedApi = null;
if (protectedApiUrl is not null || protectedApiResource is not null)
{
    if (protectedApiResource is null || !Uri.TryCreate(protectedApiUrl, UriKind.Absolute, out protectedApi))
    {
        Console.Error.WriteLine("Set both PROTECTED_API_URL (an absolute URL such as https://api.example.com) and PROTECTED_API_RESOURCE (its API identifier in Logto).");
        return 2;
    }
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    if (protectedApi is not null)
    {
        return await CallProtectedApiAsync(options, protectedApi, protectedApiResource!, cancellation.Token);
    }

    LogtoManagementClient client = LogtoManagementClient.Create(options);
    await ListUsersAsync(client, cancellation.Token);
    await CreateUpdateAndDeleteUserAsync(client, cancellation.Token);
    Console.WriteLine("Done.");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"The configuration is not valid: {e.Message}");
}
catch (LogtoTokenException e)
{
    Console.Error.WriteLine($"Could not get an access token: {e.Message}");
}
catch (LogtoApiException e)
{
    Console.Error.WriteLine($"Logto refused a request: {e.Message}");
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"Could not reach Logto: {e.Message}");
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
}

return 1;

static async Task ListUsersAsync(LogtoManagementClient client, CancellationToken cancellationToken)
{
    Console.WriteLine($"Listing users, {PageSize} per page:");
    int? pageNumber = 1;
    while (pageNumber is int number)
    {
        if (number > MaxPagesListed)
        {
            Console.WriteLine($"  (stopping after {MaxPagesListed} pages)");
            return;
        }

        LogtoPage<User> page = await client.Users.GetPageAsync(
            request =>
            {
                request.QueryParameters.Page = number;
                request.QueryParameters.PageSize = PageSize;
            },
            cancellationToken);
        string total = page.TotalCount is long count ? $" of {count}{(page.IsTotalCountCapped ? "+" : "")}" : "";
        Console.WriteLine($"  page {page.Page}: {page.Items.Count} users{total}");
        foreach (User user in page.Items)
        {
            Console.WriteLine($"    {user.Id}  {user.Username ?? user.PrimaryEmail ?? user.PrimaryPhone ?? "(no username)"}");
        }

        pageNumber = page.NextPage;
    }
}

static async Task CreateUpdateAndDeleteUserAsync(LogtoManagementClient client, CancellationToken cancellationToken)
{
    string username = "logto_sample_" + Guid.NewGuid().ToString("N")[..8];
    User created = await client.Users.PostAsync(
        new CreateUserRequest { Username = username, Name = "LogtoGenerated sample" },
        cancellationToken: cancellationToken);
    Console.WriteLine($"Created user {created.Id} ({created.Username}, name '{created.Name}').");
    try
    {
        // A partial update: only the name is sent; everything else about the user stays as it is.
        User updated = await client.Users[created.Id].PatchAsync(
            new UpdateUserRequest { Name = "LogtoGenerated sample, renamed" },
            cancellationToken: cancellationToken);
        Console.WriteLine($"Updated user {updated.Id}: name is now '{updated.Name}'.");
    }
    finally
    {
        // Clean up even when the update failed; not cancellable, so the user is not left behind.
        await client.Users[created.Id].DeleteAsync(cancellationToken: CancellationToken.None);
        Console.WriteLine($"Deleted user {created.Id}.");
    }
}

// The M2M app's token for the API's resource goes on every request to the API (and only to the API's host).
static async Task<int> CallProtectedApiAsync(LogtoManagementOptions logto, Uri api, string resource, CancellationToken cancellationToken)
{
    var provider = new ClientCredentialsAuthenticationProvider(new LogtoClientCredentialsOptions
    {
        Endpoint = logto.Endpoint,
        TenantId = logto.TenantId,
        ClientId = logto.ClientId,
        ClientSecret = logto.ClientSecret,
        Resource = resource,
        Scopes = { "read:orders" },
        AllowedHosts = { api.Authority },
    }, new HttpClient());
    using var http = new HttpClient(new LogtoClientCredentialsHandler(provider) { InnerHandler = new SocketsHttpHandler() });
    using HttpResponseMessage response = await http.GetAsync(new Uri(api, "orders"), cancellationToken);
    string body = await response.Content.ReadAsStringAsync(cancellationToken);
    Console.WriteLine($"GET {new Uri(api, "orders")}: {(int)response.StatusCode} {response.ReasonPhrase}");
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine($"  WWW-Authenticate: {response.Headers.WwwAuthenticate}");
        return 1;
    }

    Console.WriteLine($"  {body}");
    return 0;
}

static string? Variable(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;
