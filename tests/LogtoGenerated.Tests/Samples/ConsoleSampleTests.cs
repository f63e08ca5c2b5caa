using System.Runtime.InteropServices;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Xunit.Abstractions;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// The console sample, published with NativeAOT for net10.0 (<see cref="ConsoleSampleNet10Tests"/>) and for net8.0
/// (<see cref="ConsoleSampleNet8Tests"/>), run as a native executable against a fake Logto on 127.0.0.1.
/// </summary>
public abstract class ConsoleSampleTests(NativeConsoleSample sample, ITestOutputHelper output)
{
    [Fact]
    public void PublishingWithNativeAot_SucceedsWithoutWarnings()
    {
        Assert.True(sample.Publish.ExitCode == 0, "dotnet publish failed:\n" + sample.Publish.Transcript);
        Assert.True(sample.Publish.Warnings.Count == 0, "warnings:\n" + string.Join('\n', sample.Publish.Warnings));
        Assert.True(File.Exists(sample.Executable), "no native executable at " + sample.Executable + "\n" + sample.Publish.Transcript);
        Assert.False(File.Exists(Path.ChangeExtension(sample.Executable, ".dll")), "the publish output holds IL, not only a native executable");
        // The sample itself was compiled for the framework (the generator, a build tool, is net10.0 in both publishes).
        Assert.Contains(
            $"/Release/{sample.TargetFramework}/{RuntimeInformation.RuntimeIdentifier}/LogtoGenerated.Samples.Console.dll",
            sample.Publish.StandardOutput,
            StringComparison.Ordinal);
        output.WriteLine(
            $"{sample.TargetFramework}: native executable {new FileInfo(sample.Executable).Length / 1024.0 / 1024.0:F1} MiB, " +
            $"published in {sample.PublishTime.TotalSeconds:F0} s, {sample.Publish.Warnings.Count} warnings");
    }

    [Fact]
    public async Task WithoutConfiguration_PrintsTheVariablesToSetAndExitsNonZero()
    {
        AssertPublished();

        ProcessResult result = await sample.RunAsync(new Dictionary<string, string>());

        Assert.Equal(2, result.ExitCode);
        foreach (string variable in new[] { "LOGTO_ENDPOINT", "LOGTO_TENANT_ID", "LOGTO_M2M_APP_ID", "LOGTO_M2M_APP_SECRET" })
        {
            Assert.Contains(variable, result.StandardError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithOnlyTheSecretMissing_PrintsTheVariablesToSetAndSendsNothing()
    {
        AssertPublished();
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();

        ProcessResult result = await sample.RunAsync(new Dictionary<string, string>
        {
            ["LOGTO_ENDPOINT"] = server.Endpoint.ToString(),
            ["LOGTO_M2M_APP_ID"] = TokenEndpoint.ClientId,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("LOGTO_M2M_APP_SECRET", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AgainstAFakeLogto_ListsUsersPageByPageThenCreatesUpdatesAndDeletesAUser()
    {
        AssertPublished();
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();
        FakeLogtoUsers users = FakeLogtoUsers.ServeOn(server, seededUsers: 45);

        ProcessResult result = await sample.RunAsync(Configuration(server));

        Assert.True(result.ExitCode == 0, result.Transcript);
        string output = result.StandardOutput;
        Assert.Contains("page 1: 20 users of 45", output, StringComparison.Ordinal);
        Assert.Contains("page 2: 20 users of 45", output, StringComparison.Ordinal);
        Assert.Contains("page 3: 5 users of 45", output, StringComparison.Ordinal);
        Assert.DoesNotContain("page 4", output, StringComparison.Ordinal);
        Assert.Contains("user001", output, StringComparison.Ordinal);
        Assert.Contains("user045", output, StringComparison.Ordinal);
        Assert.Matches(@"Created user fake\d{8} \(logto_sample_[0-9a-f]{8}, name 'LogtoGenerated sample'\)\.", output);
        Assert.Contains("name is now 'LogtoGenerated sample, renamed'", output, StringComparison.Ordinal);
        Assert.Matches(@"Deleted user fake\d{8}\.", output);
        Assert.EndsWith("Done." + Environment.NewLine, output, StringComparison.Ordinal);

        // The created user is gone again; the seeded ones are untouched.
        Assert.Equal(45, users.Usernames.Count);
        Assert.DoesNotContain(users.Usernames, name => name.StartsWith("logto_sample_", StringComparison.Ordinal));

        // On the wire: one token, three pages, then create, a PATCH carrying the name only, and delete.
        IReadOnlyList<RecordedRequest> requests = server.Requests;
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(server));
        Assert.Equal(
            [
                "GET /api/users?page=1&page_size=20",
                "GET /api/users?page=2&page_size=20",
                "GET /api/users?page=3&page_size=20",
                "POST /api/users",
            ],
            TokenEndpoint.ApiRequests(server).Take(4).Select(r => r.Method + " " + r.RawTarget));
        RecordedRequest patch = Assert.Single(requests, r => r.Method == "PATCH");
        Assert.Equal("""{"name":"LogtoGenerated sample, renamed"}""", patch.BodyText);
        RecordedRequest delete = Assert.Single(requests, r => r.Method == "DELETE");
        Assert.Equal(patch.Path, delete.Path);
        Assert.All(TokenEndpoint.ApiRequests(server), r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task WithAWrongSecret_ExplainsTheTokenErrorWithoutPrintingTheSecretAndExitsWithOne()
    {
        AssertPublished();
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();
        server.RespondWithRecording("10-token-wrong-secret.txt");

        ProcessResult result = await sample.RunAsync(Configuration(server));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Could not get an access token", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("invalid_client", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Equal([TokenEndpoint.Path], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task WhenLogtoRefusesTheCreation_ReportsLogtosErrorAndExitsWithOne()
    {
        AssertPublished();
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();
        FakeLogtoUsers.ServeOn(server, seededUsers: 3);
        server.On("POST", "/api/users", _ => FakeResponse.FromRecording("33-users-400-bad-email.txt"));

        ProcessResult result = await sample.RunAsync(Configuration(server));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("page 1: 3 users of 3", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Logto refused a request", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method is "PATCH" or "DELETE");
    }

    private static Dictionary<string, string> Configuration(FakeLogtoServer server) => new()
    {
        ["LOGTO_ENDPOINT"] = server.Endpoint.ToString(),
        ["LOGTO_M2M_APP_ID"] = TokenEndpoint.ClientId,
        ["LOGTO_M2M_APP_SECRET"] = TokenEndpoint.ClientSecret,
    };

    private void AssertPublished() =>
        Assert.True(sample.Publish.ExitCode == 0 && File.Exists(sample.Executable), "the sample was not published:\n" + sample.Publish.Transcript);
}

/// <summary>The console sample's tests on its net10.0 NativeAOT executable.</summary>
[Collection(BuildCollection.Name)]
public sealed class ConsoleSampleNet10Tests(NativeConsoleSampleNet10 sample, ITestOutputHelper output) : ConsoleSampleTests(sample, output);

/// <summary>The console sample's tests on its net8.0 NativeAOT executable.</summary>
[Collection(BuildCollection.Name)]
public sealed class ConsoleSampleNet8Tests(NativeConsoleSampleNet8 sample, ITestOutputHelper output) : ConsoleSampleTests(sample, output);
