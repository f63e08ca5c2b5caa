using System.Diagnostics;

namespace LogtoGenerated.ContractTests.Server;

/// <summary>Prism is started on 127.0.0.1 and leaves nothing running behind it, also when the test host dies.</summary>
public sealed class PrismServerTests : IAsyncLifetime
{
    private const string TinyDocument = """
        {"openapi":"3.0.1","info":{"title":"ping","version":"1"},"paths":{"/api/ping":{"get":{"operationId":"Ping",
        "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"object","required":["ok"],"properties":{"ok":{"type":"boolean"}}}}}}}}}}}
        """;

    private readonly string _document = Path.Combine(Path.GetTempPath(), $"logto-contract-ping-{Guid.NewGuid():N}.openapi.json");

    public Task InitializeAsync() => File.WriteAllTextAsync(_document, TinyDocument);

    public Task DisposeAsync()
    {
        File.Delete(_document);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PrismListensOnLoopbackAndAnswersFromTheDocument()
    {
        await using var server = await PrismServer.StartAsync(_document);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var body = await http.GetStringAsync(new Uri(server.BaseAddress, "/api/ping"));

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.Equal("""{"ok":true}""", body);
    }

    [Fact]
    public async Task DisposingStopsPrismAndItsLauncher()
    {
        var server = await PrismServer.StartAsync(_document);
        var launcher = server.ProcessId;
        var prism = WaitForPrismProcessId(server);

        await server.DisposeAsync();

        Assert.False(IsRunning(launcher), $"run-prism.js (process {launcher}) still runs after DisposeAsync.");
        Assert.False(IsRunning(prism), $"Prism (process {prism}) still runs after DisposeAsync.");
        Assert.False(await AnswersAsync(server.BaseAddress));
    }

    [Fact]
    public async Task PrismStopsByItselfWhenTheTestHostGoesAwayWithoutStoppingIt()
    {
        // What the operating system does when the test host dies: the launcher's standard input closes, nothing else.
        var server = await PrismServer.StartAsync(_document);
        var prism = WaitForPrismProcessId(server);
        try
        {
            server.CloseStandardInput();

            Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(15)), "run-prism.js still runs 15 s after its standard input closed.");
            Assert.True(await WaitUntilAsync(() => !IsRunning(prism), TimeSpan.FromSeconds(5)), $"Prism (process {prism}) still runs after its launcher exited.");
            Assert.False(await AnswersAsync(server.BaseAddress));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static int WaitForPrismProcessId(PrismServer server) =>
        server.PrismProcessId ?? throw new Xunit.Sdk.XunitException("run-prism.js did not report Prism's process id. Its output:" + Environment.NewLine + server.RecentLog);

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static async Task<bool> AnswersAsync(Uri baseAddress)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, "/api/ping"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
