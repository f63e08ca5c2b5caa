using BenchmarkDotNet.Attributes;
using LogtoGenerated.Authentication;
using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;

namespace LogtoGenerated.Benchmarks;

/// <summary>
/// The authentication provider on a warm cache: what every API call pays to get its <c>Authorization</c> header.
/// Must complete synchronously (checked) and allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class CachedTokenBenchmarks
{
    private ClientCredentialsAuthenticationProvider _provider = null!;
    private BaselineTokenProvider _baseline = null!;
    private readonly HttpRequestMessage _request = new(HttpMethod.Get, Payloads.Resource + "/users/" + Payloads.UserId);

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ClientCredentialsAuthenticationProvider(
            new LogtoManagementOptions { TenantId = Payloads.TenantId, ClientId = Payloads.ClientId, ClientSecret = Payloads.ClientSecret },
            new HttpClient(new FakeLogtoHandler()));
        _baseline = new BaselineTokenProvider(
            new HttpClient(new FakeLogtoHandler()), Payloads.Endpoint, Payloads.ClientId, Payloads.ClientSecret, Payloads.Resource);
        _provider.AuthenticateRequestAsync(_request, default).AsTask().GetAwaiter().GetResult();
        _baseline.AuthenticateRequestAsync(_request, default).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public bool CachedToken_Baseline() => Completed(_baseline.AuthenticateRequestAsync(_request, default));

    [Benchmark]
    public bool CachedToken_LogtoGenerated() => Completed(_provider.AuthenticateRequestAsync(_request, default));

    private static bool Completed(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The cached-token path did not complete synchronously.");
        }

        pending.GetAwaiter().GetResult();
        return true;
    }
}
