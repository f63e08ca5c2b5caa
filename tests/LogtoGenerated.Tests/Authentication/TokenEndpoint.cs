using System.Text;
using LogtoGenerated.Tests.Infrastructure;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>A fake Logto token endpoint on <see cref="FakeLogtoServer"/>: answers like recording 01, one new token per request.</summary>
internal static class TokenEndpoint
{
    public const string Path = "/oidc/token";
    public const string ClientId = "my-m2m-app-id";
    public const string ClientSecret = "my-m2m-app-secret";

    /// <summary>Issues <c>token-1</c>, <c>token-2</c>, ... with the given lifetime and granted scope.</summary>
    public static Func<RecordedRequest, FakeResponse> Issuing(int expiresIn = 3600, string? scope = "all")
    {
        int issued = 0;
        return _ => Success("token-" + Interlocked.Increment(ref issued), expiresIn, scope);
    }

    public static FakeResponse Success(string token, int expiresIn = 3600, string? scope = "all") =>
        FakeResponse.Json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"" + (scope is null ? "" : ",\"scope\":\"" + scope + "\"") + "}")
            .WithHeader("Cache-Control", "no-store");

    /// <summary>A real user body (recording 03) for API calls that return a user.</summary>
    public static FakeResponse User() => FakeResponse.FromRecording("03-create-user-1.txt") with { StatusCode = 200 };

    public static LogtoManagementOptions Options(FakeLogtoServer server, TimeProvider? clock = null) => new()
    {
        Endpoint = server.Endpoint,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        TimeProvider = clock ?? TimeProvider.System,
        Retry = LogtoGenerated.Http.LogtoRetryOptions.None,
    };

    public static int CountTokenRequests(FakeLogtoServer server) => server.Requests.Count(r => r.Path == Path);

    public static IReadOnlyList<RecordedRequest> ApiRequests(FakeLogtoServer server) => server.Requests.Where(r => r.Path != Path).ToList();

    public static string DecodeBasic(string header)
    {
        Assert.StartsWith("Basic ", header, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
    }
}
