namespace LogtoGenerated.Benchmarks.Infrastructure;

/// <summary>The response bodies the fake Logto serves, embedded from <c>Payloads/</c> (see its README).</summary>
public static class Payloads
{
    /// <summary>The M2M app's credentials and the tenant, as in the recorded exchanges.</summary>
    public const string TenantId = "bench";
    public const string Endpoint = "https://bench.logto.app";
    public const string Resource = "https://bench.logto.app/api";
    public const string ClientId = "my-m2m-app-id";
    public const string ClientSecret = "my-m2m-app-secret";

    /// <summary>The id of the user in <see cref="User"/>.</summary>
    public const string UserId = "y8vyif6wdg1o";

    /// <summary>The items per page of <see cref="UsersPage"/>, Logto's largest page size.</summary>
    public const int PageSize = 100;

    /// <summary><c>POST /oidc/token</c>: 01-token-basic.</summary>
    public static readonly byte[] Token = Load("token.json");

    /// <summary><c>GET /api/users/{userId}</c>: a user who signed in with GitHub and has a profile and custom data.</summary>
    public static readonly byte[] User = Load("user.json");

    /// <summary><c>POST /api/users</c>: 03-create-user-1.</summary>
    public static readonly byte[] CreatedUser = Load("created-user.json");

    /// <summary><c>GET /api/users?page_size=100</c>: 100 users of every kind.</summary>
    public static readonly byte[] UsersPage = Load("users-page-100.json");

    private static byte[] Load(string name)
    {
        using Stream stream = typeof(Payloads).Assembly.GetManifestResourceStream("Payloads." + name)
            ?? throw new InvalidOperationException("The payload " + name + " is not embedded in " + typeof(Payloads).Assembly.GetName().Name + ".");
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
