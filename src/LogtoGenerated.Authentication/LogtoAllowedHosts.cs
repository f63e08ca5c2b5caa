using System.Globalization;
using LogtoGenerated.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Authentication;

/// <summary>
/// The one rule for where a Logto access token may go, applied by every provider of this library (the Management API
/// client, <see cref="LogtoClientCredentialsHandler"/> and the Kiota package): only to a listed host (and, when the entry
/// gives a port, only to that port), and only over <c>https</c>, except to <c>localhost</c>, <c>127.0.0.1</c> and
/// <c>[::1]</c>, which may be reached over plain <c>http</c> for local development.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="Allows(Uri?)"/> runs on every request, so it compares without allocating.
/// A <see cref="ClientCredentialsAuthenticationProvider"/>'s rule is its <see cref="ClientCredentialsAuthenticationProvider.AllowedHosts"/>.
/// </remarks>
/// <example><code>
/// var hosts = LogtoAllowedHosts.Create([new Uri("https://abc123.logto.app")], ["api.shopping.example"]);
/// bool allowed = hosts.Allows(new Uri("https://api.shopping.example/orders"));   // true
/// </code></example>
public sealed class LogtoAllowedHosts
{
    private readonly Entry[] _entries;

    private LogtoAllowedHosts(Entry[] entries) => _entries = entries;

    /// <summary>
    /// The rule that allows some origins (each its exact host and port, such as the Logto endpoint's) and some hosts,
    /// each given as <c>host</c> (any port) or <c>host:port</c> (that port only).
    /// </summary>
    /// <param name="origins">Absolute URIs whose host and port are allowed.</param>
    /// <param name="hosts">Host names (any port) or <c>host:port</c> entries, without a scheme or path.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An origin is not absolute, or a host entry is not a host name or <c>host:port</c>; the message says which.</exception>
    public static LogtoAllowedHosts Create(IEnumerable<Uri> origins, IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(hosts);
        Uri[] originList = [.. origins];
        string[] hostList = [.. hosts];
        foreach (Uri origin in originList)
        {
            if (origin is not { IsAbsoluteUri: true })
            {
                throw new ArgumentException("An allowed origin must be an absolute URI such as https://api.example.com; got '" + origin + "'.", nameof(origins));
            }
        }

        foreach (string host in hostList)
        {
            if (Problem(host) is { } problem)
            {
                throw new ArgumentException("Allowed hosts: " + problem + ".", nameof(hosts));
            }
        }

        return new([.. originList.Select(Entry.ForUri).Concat(hostList.Select(Entry.Parse)).Distinct()]);
    }

    /// <summary>What is wrong with an allowed-host entry, or <see langword="null"/> when it is a host or <c>host:port</c>.</summary>
    internal static string? Problem(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "an allowed host must not be empty";
        }

        return host.Contains('/', StringComparison.Ordinal) || !Uri.TryCreate("https://" + host.Trim(), UriKind.Absolute, out Uri? uri)
            || uri.AbsolutePath != "/" || uri.UserInfo.Length > 0
            ? "'" + host + "' is not a host name such as \"api.example.com\" (or \"host:port\"); give it without a scheme or path"
            : null;
    }

    /// <summary>Whether a request to <paramref name="uri"/> may carry the token: secure transport to an allowed host and port.</summary>
    /// <param name="uri">The request's URI; <see langword="null"/> or relative is never allowed.</param>
    /// <returns><see langword="true"/> when the token may be sent.</returns>
    public bool Allows(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || !IsSecureTransport(uri))
        {
            return false;
        }

        string host = HostOf(uri);
        foreach (Entry entry in _entries)
        {
            if (string.Equals(entry.Host, host, StringComparison.OrdinalIgnoreCase) && (entry.Port is not { } port || port == uri.Port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="Allows(Uri?)"/>, logging a refusal at Debug (the request then goes out without the token).</summary>
    internal bool Allows(Uri? uri, ILogger logger)
    {
        if (Allows(uri))
        {
            return true;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            string reason = uri is not { IsAbsoluteUri: true } ? "the request has no absolute URI"
                : !IsSecureTransport(uri) ? "it is plain http to a host that is not localhost, 127.0.0.1 or [::1] (the token goes over https only)"
                : "it is not an allowed host";
            Log.HostNotAllowed(logger, uri is { IsAbsoluteUri: true } ? uri.GetLeftPart(UriPartial.Authority) : "(no URI)", reason);
        }

        return false;
    }

    /// <summary>Whether a request to <paramref name="uri"/> is encrypted or stays on this machine: <c>https</c>, or <c>http</c> to a loopback host.</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns><see langword="true"/> for <c>https</c>, and for <c>http</c> to <c>localhost</c>, <c>127.0.0.1</c> or <c>[::1]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    public static bool IsSecureTransport(Uri uri) =>
        (uri ?? throw new ArgumentNullException(nameof(uri))).Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    /// <summary>Whether the host is <c>localhost</c>, <c>127.0.0.1</c> or <c>[::1]</c>.</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns><see langword="true"/> for those three hosts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string host = uri.Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "[::1]";
    }

    /// <summary>The entries, for messages: <c>host</c> or <c>host:port</c>.</summary>
    /// <returns>The entries, separated by commas.</returns>
    public override string ToString() => string.Join(", ", (IEnumerable<Entry>)_entries);

    /// <summary>The host as entries hold it: ASCII (punycode for international names), IPv6 in brackets.</summary>
    private static string HostOf(Uri uri)
    {
        string host = uri.Host;
        return System.Text.Ascii.IsValid(host) ? host : uri.IdnHost;
    }

    /// <summary>One allowed host; <see cref="Port"/> <see langword="null"/> allows any port.</summary>
    private sealed record Entry(string Host, int? Port)
    {
        public static Entry ForUri(Uri uri) => new(HostOf(uri).ToLowerInvariant(), uri.Port);

        public static Entry Parse(string text)
        {
            string trimmed = text.Trim();
            var uri = new Uri("https://" + trimmed);
            int colon = trimmed.LastIndexOf(':');
            bool hasPort = colon > 0 && trimmed.IndexOf(']', colon) < 0;
            return new Entry(HostOf(uri).ToLowerInvariant(), hasPort ? uri.Port : null);
        }

        public override string ToString() =>
            Port is { } port ? Host + ":" + port.ToString(CultureInfo.InvariantCulture) : Host;
    }
}
