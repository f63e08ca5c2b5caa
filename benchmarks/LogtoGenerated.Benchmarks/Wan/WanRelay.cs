using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace LogtoGenerated.Benchmarks.Wan;

/// <summary>
/// A simulated wide-area network between a client and a server on 127.0.0.1: a TCP relay that delivers every chunk it
/// reads after a fixed one-way delay, and no faster than a bandwidth cap shared by all connections in that direction
/// (one link, as a real network path has). It counts the bytes it carries in each direction.
/// </summary>
/// <remarks>
/// A chunk leaves the link when the chunks before it (on any connection, same direction) have been serialized at the
/// cap, and arrives one delay later. TCP windows and loss are not simulated: the relay reads as fast as the sender
/// writes and holds what is in transit in memory.
/// </remarks>
public sealed class WanRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly Link _up;
    private readonly Link _down;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = new();
    private readonly Task _accepting;

    /// <summary>Starts a relay on 127.0.0.1 and a free port, forwarding to <paramref name="upstream"/>.</summary>
    /// <param name="upstream">Where the server listens (127.0.0.1).</param>
    /// <param name="oneWayDelay">Added in each direction: a round trip costs twice this.</param>
    /// <param name="bitsPerSecond">The cap of each direction.</param>
    public WanRelay(IPEndPoint upstream, TimeSpan oneWayDelay, long bitsPerSecond)
    {
        if (!IPAddress.IsLoopback(upstream.Address))
        {
            throw new ArgumentException("The relay forwards to loopback addresses only.", nameof(upstream));
        }

        _upstream = upstream;
        _up = new Link(oneWayDelay, bitsPerSecond);
        _down = new Link(oneWayDelay, bitsPerSecond);
        _listener.Start();
        Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port);
        _accepting = AcceptAsync();
    }

    /// <summary>The relay's origin: give it to the client as the server's.</summary>
    public Uri Endpoint { get; }

    /// <summary>Bytes carried from the client to the server so far.</summary>
    public long BytesUp => _up.Bytes;

    /// <summary>Bytes carried from the server to the client so far.</summary>
    public long BytesDown => _down.Bytes;

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Task[] running;
        lock (_connections)
        {
            running = [_accepting, .. _connections];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                Connections++;
                lock (_connections)
                {
                    _connections.RemoveAll(static t => t.IsCompleted);
                    _connections.Add(RelayAsync(client));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using (client)
        using (var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            client.NoDelay = true;
            server.NoDelay = true;
            try
            {
                await server.ConnectAsync(_upstream, _stop.Token).ConfigureAwait(false);
                await Task.WhenAll(PumpAsync(client, server, _up), PumpAsync(server, client, _down)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or ChannelClosedException)
            {
                // The connection or the relay ended.
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, Link link)
    {
        var inTransit = Channel.CreateUnbounded<(long ArrivesAt, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        Task delivering = DeliverAsync(inTransit.Reader, to);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false)) > 0)
            {
                inTransit.Writer.TryWrite((link.Send(read), buffer.AsSpan(0, read).ToArray()));
            }
        }
        finally
        {
            inTransit.Writer.TryComplete();
            await delivering.ConfigureAwait(false);
            try
            {
                to.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // Already closed by the other side.
            }
        }
    }

    private async Task DeliverAsync(ChannelReader<(long ArrivesAt, byte[] Data)> inTransit, Socket to)
    {
        try
        {
            await foreach ((long arrivesAt, byte[] data) in inTransit.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), arrivesAt);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
                }

                await to.SendAsync(data, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The receiving side went away: what is still in transit is lost, as on a network.
        }
    }

    /// <summary>One direction of the path: serialization at the cap, then the propagation delay.</summary>
    private sealed class Link(TimeSpan delay, long bitsPerSecond)
    {
        private readonly long _delayTicks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        private readonly object _lock = new();
        private long _freeAt;
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Puts <paramref name="count"/> bytes on the link now; returns the timestamp when they arrive.</summary>
        public long Send(int count)
        {
            Interlocked.Add(ref _bytes, count);
            long serialization = (long)((double)count * 8 * Stopwatch.Frequency / bitsPerSecond);
            lock (_lock)
            {
                _freeAt = Math.Max(_freeAt, Stopwatch.GetTimestamp()) + serialization;
                return _freeAt + _delayTicks;
            }
        }
    }
}
