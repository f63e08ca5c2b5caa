using System.Diagnostics;
using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.TestShared;

namespace LogtoGenerated.LiveTests;

/// <summary>
/// The two samples end to end, as separate processes on the live Logto: the ProtectedApi sample on 127.0.0.1, and the
/// console sample calling it with its M2M token for the shop resource.
/// </summary>
public sealed class SampleEndToEndTests
{
    [LiveFact]
    public async Task The_console_sample_calls_the_protected_API_sample_with_its_token_and_an_app_without_the_scope_is_refused()
    {
        var server = LiveServer.Required;
        var (shop, _) = server.ShopResource ?? throw new InvalidOperationException("Set LOGTO_SHOP_RESOURCE: an API resource with the scope read:orders.");
        var (noRoleId, noRoleSecret) = server.NoRoleApp ?? throw new InvalidOperationException("Set LOGTO_NOROLE_APP_ID and LOGTO_NOROLE_APP_SECRET.");
        string[] samples = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "live-samples.txt"));
        string apiAssembly = samples.Single(path => path.EndsWith("LogtoGenerated.Samples.ProtectedApi.dll", StringComparison.Ordinal));
        string console = samples.Single(path => path.EndsWith("LogtoGenerated.Samples.Console.dll", StringComparison.Ordinal));
        using ProtectedApiProcess api = await ProtectedApiProcess.StartAsync("dotnet", [apiAssembly], server.Endpoint, shop);
        Uri address = api.Address;

        (int exitCode, string output) = await RunAsync(console, new()
        {
            ["LOGTO_ENDPOINT"] = server.Endpoint.AbsoluteUri,
            ["LOGTO_M2M_APP_ID"] = server.AppId,
            ["LOGTO_M2M_APP_SECRET"] = server.AppSecret,
            ["PROTECTED_API_URL"] = address.AbsoluteUri,
            ["PROTECTED_API_RESOURCE"] = shop,
        });
        (int refusedExitCode, string refusedOutput) = await RunAsync(console, new()
        {
            ["LOGTO_ENDPOINT"] = server.Endpoint.AbsoluteUri,
            ["LOGTO_M2M_APP_ID"] = noRoleId,
            ["LOGTO_M2M_APP_SECRET"] = noRoleSecret,
            ["PROTECTED_API_URL"] = address.AbsoluteUri,
            ["PROTECTED_API_RESOURCE"] = shop,
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains($"GET {address}orders: 200 OK", output, StringComparison.Ordinal);
        Assert.Contains($"\"caller\":\"{server.AppId}\",\"callerIsMachine\":true", output, StringComparison.Ordinal);
        Assert.Contains("order-1001", output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.AppSecret, output, StringComparison.Ordinal);

        // The app has no role granting read:orders: Logto leaves the scope out, and the client says so before calling the API.
        Assert.True(refusedExitCode == 1, refusedOutput);
        Assert.Contains($"Could not get an access token: Logto issued a token for {shop} without the scope 'read:orders'", refusedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"GET {address}orders: 200", refusedOutput, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string assembly, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // The console sample reads only what the test gives it.
        start.Environment.Remove("LOGTO_TENANT_ID");
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {assembly} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
