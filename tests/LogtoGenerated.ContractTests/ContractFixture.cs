using System.Diagnostics;
using LogtoGenerated.Authentication;
using LogtoGenerated.ContractTests.Contract;
using LogtoGenerated.ContractTests.Server;
using LogtoGenerated.Http;

namespace LogtoGenerated.ContractTests;

/// <summary>
/// For the whole collection: Prism on the vendored document and Prism on <see cref="IntendedReading"/>'s copy of it, the
/// generated client pointed at each, and the contract run over every operation, made once on first use and shared by
/// the tests that read it. Disposing stops both Prisms.
/// </summary>
public sealed class ContractFixture : IAsyncLifetime
{
    /// <summary>Seeds of the dynamic responses; each is one more response per call, reproducible with <c>Prefer: dynamic=true, seed=N</c>.</summary>
    internal static readonly int[] DynamicSeeds = [1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>Calls in flight at once: each Prism is one Node.js process, a little overlap keeps both busy.</summary>
    private const int Concurrency = 4;

    private readonly List<PrismServer> _servers = [];
    private HttpClient? _http;
    private string? _rewrittenDocument;
    private Lazy<Task<ContractReport>>? _report;
    private string? _correctedDocument;

    /// <summary>The generated client pointed at Prism on the vendored document with the corrections applied.</summary>
    internal LogtoManagementClient Client => Targets[0].Client;

    /// <summary>Prism on the corrected document, then Prism on <see cref="IntendedReading"/>'s copy of it.</summary>
    internal IReadOnlyList<PrismTarget> Targets { get; private set; } = [];

    /// <summary>What <see cref="IntendedReading"/> changed in the copy.</summary>
    internal IntendedReading.Changes? Rewrite { get; private set; }

    internal static IReadOnlyList<ResponseMode> Modes { get; } = [ResponseMode.Static, .. DynamicSeeds.Select(ResponseMode.Dynamic)];

    public async Task InitializeAsync()
    {
        var catalog = OperationCatalog.Instance;
        var rewritten = IntendedReading.Rewrite(catalog.Document, out var changes);
        Rewrite = changes;
        _rewrittenDocument = Path.Combine(AppContext.BaseDirectory, $"intended-{Environment.ProcessId}.openapi.json");
        await File.WriteAllTextAsync(_rewrittenDocument, rewritten.ToJsonString());

        // The first Prism reads the document as the client is generated from it: Logto's, with openapi/corrections.json applied.
        _correctedDocument = Path.Combine(AppContext.BaseDirectory, $"corrected-{Environment.ProcessId}.openapi.json");
        await File.WriteAllTextAsync(_correctedDocument, catalog.Document.ToJsonString());

        // Both start at once; if one fails, the one that started is stopped before the failure is reported.
        var starting = new[] { _correctedDocument, _rewrittenDocument }.Select(document => PrismServer.StartAsync(document)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            await Task.WhenAll(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.DisposeAsync().AsTask()));
            File.Delete(_rewrittenDocument);
            File.Delete(_correctedDocument);
            throw;
        }

        _servers.AddRange(starting.Select(t => t.Result));

        _http = new HttpClient(new ExchangeRecorder()) { Timeout = TimeSpan.FromSeconds(90) };
        Targets =
        [
            new PrismTarget($"Prism on {Path.GetFileName(catalog.DocumentPath)} with openapi/corrections.json", CreateClient(_servers[0]), ReadsVendoredDocument: true),
            new PrismTarget("Prism on the document as Logto means it", CreateClient(_servers[1]), ReadsVendoredDocument: false),
        ];
        _report = new Lazy<Task<ContractReport>>(RunAsync);
    }

    /// <summary>The contract run over every operation of the document in every response mode (run once, on first call).</summary>
    internal Task<ContractReport> GetReportAsync() =>
        (_report ?? throw new InvalidOperationException("The fixture has not been initialized.")).Value;

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _servers.Clear();
        foreach (var document in new[] { _rewrittenDocument, _correctedDocument })
        {
            if (document is not null)
            {
                File.Delete(document);
            }
        }
    }

    private LogtoManagementClient CreateClient(PrismServer server) => new(new LogtoRequestAdapter(
        _http!,
        new BearerTokenAuthenticationProvider("contract-test-token", ["127.0.0.1"]),
        server.BaseAddress,
        new LogtoManagementOptions { Retry = LogtoRetryOptions.None }));

    private async Task<ContractReport> RunAsync()
    {
        var catalog = OperationCatalog.Instance;
        var caller = new OperationCaller(catalog);
        var clock = Stopwatch.StartNew();
        var outcomes = new OperationOutcome[catalog.Operations.Count];
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(catalog.Operations.Select(async (operation, index) =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var calls = await caller.CallAsync(operation, Targets, Modes).ConfigureAwait(false);
                outcomes[index] = new OperationOutcome(operation, calls, PrismDeviations.All);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        if (_servers.FirstOrDefault(s => s.HasExited) is { } exited)
        {
            throw new InvalidOperationException("Prism exited during the contract run. Its output:" + Environment.NewLine + exited.RecentLog);
        }

        return new ContractReport(outcomes, Targets, Modes, clock.Elapsed);
    }
}

/// <summary>The tests that share one Prism and one contract run.</summary>
[CollectionDefinition(Name)]
public sealed class ContractCollection : ICollectionFixture<ContractFixture>
{
    public const string Name = "Prism contract";
}
