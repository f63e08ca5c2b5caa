using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LogtoGenerated.TestShared;

/// <summary>
/// The ProtectedApi sample run as a process of its own (its assembly with <c>dotnet</c>, or its NativeAOT executable)
/// on a free port of 127.0.0.1, with the given <c>Logto</c> section; disposing it stops it. Compiled into the unit
/// tests (the native sample) and the live tests (the samples end to end).
/// </summary>
internal sealed class ProtectedApiProcess : IDisposable
{
    private readonly Process _process;

    private ProtectedApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The API's address, ending with <c>/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client of the API.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts <paramref name="fileName"/> (with <paramref name="arguments"/>) and waits until <c>GET /health</c>
    /// answers, failing with the sample's output when it exits or does not answer within 30 s.
    /// </summary>
    public static async Task<ProtectedApiProcess> StartAsync(string fileName, IEnumerable<string> arguments, Uri logtoEndpoint, string resource)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        start.Environment["ASPNETCORE_URLS"] = address.AbsoluteUri;
        start.Environment["Logto__Endpoint"] = logtoEndpoint.AbsoluteUri;
        start.Environment["Logto__Resource"] = resource;
        start.Environment.Remove("Logto__TenantId");
        var api = new ProtectedApiProcess(Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start."), address);
        try
        {
            await api.WaitUntilUpAsync();
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private async Task WaitUntilUpAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The ProtectedApi sample exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}{await _process.StandardOutput.ReadToEndAsync()}");
            }

            try
            {
                using HttpResponseMessage response = await Http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The ProtectedApi sample did not answer at {Address} within 30 s.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
