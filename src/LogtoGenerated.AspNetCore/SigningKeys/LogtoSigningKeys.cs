using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.AspNetCore.SigningKeys;

/// <summary>
/// Logto's signing keys, read from its discovery document and JWKS: once before the first token, again in the
/// background every <see cref="LogtoJwtBearerOptions.SigningKeysRefreshInterval"/>, and at once for a token signed
/// with a key id not seen yet (a key rotation in Logto), at most once per
/// <see cref="LogtoJwtBearerOptions.UnknownKeyRefreshInterval"/>. One reading at a time; when a reading fails, the keys
/// already read are kept.
/// </summary>
internal sealed partial class LogtoSigningKeys
{
    // Without any keys, readings that fail are retried at most this often, so that a Logto that is down is not
    // asked once per request.
    private static readonly TimeSpan FailedFirstReadingRetryInterval = TimeSpan.FromSeconds(1);

    private readonly Uri _issuer;
    private readonly HttpClient _backchannel;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _unknownKeyRefreshInterval;
    private readonly ILogger _logger;
    private readonly object _gate = new();

    private SigningKeySet? _current;
    private Task<SigningKeySet>? _reading;
    private long _lastUnknownKeyReadingAt;
    private bool _unknownKeyReadingDone;
    private long _lastFailureAt;
    private Exception? _lastFailure;

    public LogtoSigningKeys(Uri issuer, HttpClient backchannel, TimeProvider time, TimeSpan refreshInterval, TimeSpan unknownKeyRefreshInterval, ILogger logger)
    {
        _issuer = issuer;
        _backchannel = backchannel;
        _time = time;
        _refreshInterval = refreshInterval;
        _unknownKeyRefreshInterval = unknownKeyRefreshInterval;
        _logger = logger;
    }

    /// <summary>Raised after a reading that changed the keys (not after the first reading).</summary>
    public event Action<SigningKeySet>? KeysChanged;

    /// <summary>The keys read last, or <see langword="null"/> before the first reading.</summary>
    public SigningKeySet? Current => Volatile.Read(ref _current);

    /// <summary>The keys, read first if they never were; starts a background reading when they are old.</summary>
    public Task<SigningKeySet> GetAsync()
    {
        SigningKeySet? current = Current;
        if (current is null)
        {
            return FirstReadingAsync();
        }

        if (_time.GetElapsedTime(current.ReadAt) >= _refreshInterval)
        {
            _ = StartReading().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return Task.FromResult(current);
    }

    /// <summary>
    /// The keys after a token came with key id <paramref name="keyId"/> that <paramref name="seen"/> does not have:
    /// read again unless another reading already brought new keys or the last such reading is too recent.
    /// </summary>
    public async Task<SigningKeySet> GetForUnknownKeyAsync(string? keyId, SigningKeySet seen)
    {
        Task<SigningKeySet> reading;
        lock (_gate)
        {
            SigningKeySet current = _current ?? seen;
            if (!ReferenceEquals(current, seen) || (keyId is not null && current.HasKey(keyId)))
            {
                return current;
            }

            long now = _time.GetTimestamp();
            if (_reading is null && _unknownKeyReadingDone && _time.GetElapsedTime(_lastUnknownKeyReadingAt, now) < _unknownKeyRefreshInterval)
            {
                return current;
            }

            if (_reading is null)
            {
                _unknownKeyReadingDone = true;
                _lastUnknownKeyReadingAt = now;
                LogUnknownKeyReading(_logger, _unknownKeyRefreshInterval);
            }

            reading = StartReadingLocked();
        }

        try
        {
            return await reading.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Logged by the reading; the keys already read are still good for the tokens they signed.
            return Current ?? seen;
        }
    }

    private async Task<SigningKeySet> FirstReadingAsync()
    {
        Task<SigningKeySet> reading;
        lock (_gate)
        {
            if (_current is { } current)
            {
                return current;
            }

            if (_reading is null && _lastFailure is not null && _time.GetElapsedTime(_lastFailureAt) < FailedFirstReadingRetryInterval)
            {
                throw new LogtoSigningKeysException(_lastFailure.Message, _lastFailure);
            }

            reading = StartReadingLocked();
        }

        return await reading.ConfigureAwait(false);
    }

    private Task<SigningKeySet> StartReading()
    {
        lock (_gate)
        {
            return StartReadingLocked();
        }
    }

    private Task<SigningKeySet> StartReadingLocked()
    {
        if (_reading is null)
        {
            _reading = Task.Run(ReadAsync);
        }

        return _reading;
    }

    private async Task<SigningKeySet> ReadAsync()
    {
        SigningKeySet? previous = Current;
        try
        {
            SigningKeySet keys = await DownloadAsync(previous).ConfigureAwait(false);
            lock (_gate)
            {
                _current = keys;
                _reading = null;
                _lastFailure = null;
            }

            if (previous is not null && !keys.SameKeysAs(previous))
            {
                LogKeysChanged(_logger, keys.Count, string.Join(", ", keys.Algorithms));
                KeysChanged?.Invoke(keys);
            }

            return keys;
        }
        catch (Exception e)
        {
            LogtoSigningKeysException failure = e as LogtoSigningKeysException
                ?? new LogtoSigningKeysException($"Logto's signing keys could not be read from {_issuer}: {e.Message}", e);
            lock (_gate)
            {
                _reading = null;
                _lastFailure = failure;
                _lastFailureAt = _time.GetTimestamp();
            }

            LogReadingFailed(_logger, failure.Message, previous is not null);
            throw failure;
        }
    }

    private async Task<SigningKeySet> DownloadAsync(SigningKeySet? previous)
    {
        HttpClient http = _backchannel;
        string issuer = _issuer.AbsoluteUri;
        var discoveryAddress = new Uri(issuer + "/.well-known/openid-configuration");
        Uri jwksAddress;
        using (JsonDocument discovery = await GetJsonAsync(http, discoveryAddress).ConfigureAwait(false))
        {
            string? announcedIssuer = ReadString(discovery.RootElement, "issuer");
            if (!string.Equals(announcedIssuer?.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal))
            {
                throw new LogtoSigningKeysException(
                    $"Logto's discovery document at {discoveryAddress} names the issuer '{announcedIssuer}', but tokens are expected from '{issuer}': "
                    + "set Endpoint to the address in Logto's ENDPOINT setting (tokens carry it as their issuer).");
            }

            string? jwksUri = ReadString(discovery.RootElement, "jwks_uri");
            if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out Uri? jwks) || (jwks.Scheme != Uri.UriSchemeHttps && !(jwks.Scheme == Uri.UriSchemeHttp && jwks.IsLoopback)))
            {
                throw new LogtoSigningKeysException($"Logto's discovery document at {discoveryAddress} has no usable https jwks_uri ('{jwksUri}').");
            }

            jwksAddress = jwks;
        }

        string jwksJson = await GetStringAsync(http, jwksAddress).ConfigureAwait(false);
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(jwksJson);
        }
        catch (ArgumentException e)
        {
            throw new LogtoSigningKeysException($"Logto's key set at {jwksAddress} is not a JSON Web Key Set: {e.Message}", e);
        }

        // A reading that finds the same keys keeps their version, so that tokens validated with them stay remembered.
        SigningKeySet keys = SigningKeySet.From(set, jwksAddress, _time.GetTimestamp(), (previous?.Version ?? 0) + 1);
        return previous is not null && keys.SameKeysAs(previous) ? keys.WithVersion(previous.Version) : keys;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri address)
    {
        string json = await GetStringAsync(http, address).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new LogtoSigningKeysException($"Logto's answer from {address} is not JSON: {e.Message}", e);
        }
    }

    private static async Task<string> GetStringAsync(HttpClient http, Uri address)
    {
        using HttpResponseMessage response = await http.GetAsync(address).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LogtoSigningKeysException($"Logto answered {(int)response.StatusCode} {response.ReasonPhrase} to GET {address}.");
        }

        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    private static string? ReadString(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(1, LogLevel.Information, "Logto's signing keys changed: now {Count} key(s), algorithms {Algorithms}. Tokens remembered as valid are forgotten.")]
    private static partial void LogKeysChanged(ILogger logger, int count, string algorithms);

    [LoggerMessage(2, LogLevel.Warning, "{Message} Keys read before are kept: {HaveKeys}.")]
    private static partial void LogReadingFailed(ILogger logger, string message, bool haveKeys);

    [LoggerMessage(3, LogLevel.Information, "A token names a signing key not among Logto's keys read so far: reading them again (at most once per {Interval} for such tokens).")]
    private static partial void LogUnknownKeyReading(ILogger logger, TimeSpan interval);
}
