using LogtoGenerated.Benchmarks.Baseline;

namespace LogtoGenerated.Benchmarks.Infrastructure;

/// <summary>The generated client and the baseline, each on its own <see cref="HttpClient"/> over a fake Logto.</summary>
public static class Clients
{
    public static LogtoManagementClient CreateLogto(FakeLogtoHandler handler) =>
        LogtoManagementClient.Create(
            new LogtoManagementOptions { TenantId = Payloads.TenantId, ClientId = Payloads.ClientId, ClientSecret = Payloads.ClientSecret },
            new HttpClient(handler));

    public static BaselineLogtoClient CreateBaseline(FakeLogtoHandler handler) =>
        new(new HttpClient(handler), Payloads.Endpoint, Payloads.ClientId, Payloads.ClientSecret, Payloads.Resource);
}
