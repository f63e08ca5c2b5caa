using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace LogtoGenerated.Tests.TestSupport;

/// <summary>
/// A real <c>redis-server</c> (the Debian package) on 127.0.0.1 and a free port, without persistence, stopped and
/// removed when disposed. Can be stopped and started again on the same port to simulate an outage.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => "127.0.0.1:" + Port + ",abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>An <see cref="IDistributedCache"/> on this server, as an application registers it with <c>AddStackExchangeRedisCache</c>.</summary>
    public RedisCache CreateCache() => new(new RedisCacheOptions { Configuration = Configuration, InstanceName = "app:" });

    /// <summary>Every key and its value (a Redis hash for entries of <see cref="RedisCache"/>), read with a direct connection.</summary>
    public async Task<IReadOnlyList<(string Key, byte[] Value)>> DumpAsync()
    {
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        IServer server = connection.GetServer("127.0.0.1", Port);
        IDatabase database = connection.GetDatabase();
        var entries = new List<(string, byte[])>();
        await foreach (RedisKey key in server.KeysAsync(pattern: "*"))
        {
            foreach (HashEntry field in await database.HashGetAllAsync(key))
            {
                entries.Add((key.ToString() + "#" + field.Name, (byte[])field.Value!));
            }
        }

        return entries;
    }

    /// <summary>Writes raw bytes as the value of a <see cref="RedisCache"/> entry.</summary>
    public async Task OverwriteAsync(string key, byte[] value)
    {
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        await connection.GetDatabase().HashSetAsync(key, "data", value);
    }

    /// <summary>Stops the server (its data is lost: no persistence).</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }

            process.Dispose();
        }
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers a PING.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The Redis server is running.");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no"])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Up to 10 seconds for the server to accept a PING.
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("redis-server exited with code " + _process.ExitCode + " on port " + Port + ".");
            }

            if (await PingsAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("redis-server did not answer on port " + Port + " within 10 seconds.");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The installed <c>redis-server</c>; the tests need it (<c>.ci/run</c> installs the Debian package).</summary>
    private static string Executable =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("redis-server is not installed: apt-get install redis-server (the CI script installs it).");

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port).WaitAsync(TimeSpan.FromSeconds(1));
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            byte[] buffer = new byte[16];
            int read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return read >= 5 && buffer.AsSpan(0, 5).SequenceEqual("+PONG"u8);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One Redis server for a test class.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
