using System.Net;
using System.Net.Http.Headers;
using LogtoGenerated.Tests.AspNetCore;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// The ProtectedApi sample publishes with NativeAOT without a warning, and the native executable validates Logto tokens:
/// it accepts one with the scope, answers 403 insufficient_scope without it and 401 to a forged one.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class ProtectedApiSampleTests(NativeProtectedApiSample sample)
{
    [Fact]
    public void Publishing_with_NativeAOT_succeeds_without_warnings()
    {
        Assert.True(sample.Publish.ExitCode == 0, "dotnet publish failed:\n" + sample.Publish.Transcript);
        Assert.True(sample.Publish.Warnings.Count == 0, "warnings:\n" + string.Join('\n', sample.Publish.Warnings));
        Assert.True(File.Exists(sample.Executable), $"{sample.Executable} is missing");
    }

    [Fact]
    public async Task The_native_API_accepts_a_token_with_the_scope_and_refuses_the_others()
    {
        Assert.True(sample.Publish.ExitCode == 0, "dotnet publish failed:\n" + sample.Publish.Transcript);
        await using FakeLogtoIssuer logto = await FakeLogtoIssuer.StartAsync();
        using ProtectedApiProcess api = await sample.StartAsync(logto.Endpoint, FakeLogtoIssuer.Resource);

        using HttpResponseMessage accepted = await Get(api, logto.Token());
        using HttpResponseMessage noScope = await Get(api, logto.Token(scope: "write:orders"));
        using HttpResponseMessage forged = await Get(api, logto.Token(key: logto.Current.Impostor()));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(
            $"{{\"caller\":\"{FakeLogtoIssuer.AppId}\",\"callerIsMachine\":true,\"orders\":[{{\"id\":\"order-1001\",\"item\":\"3 notebooks\"}},{{\"id\":\"order-1002\",\"item\":\"1 desk lamp\"}}]}}",
            await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.EndsWith("scope=\"read:orders\"", noScope.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("The token's signature is invalid.", forged.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Get(ProtectedApiProcess api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.Http.SendAsync(request);
    }
}
