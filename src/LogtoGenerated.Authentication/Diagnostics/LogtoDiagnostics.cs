using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LogtoGenerated.Diagnostics;

/// <summary>
/// The names to subscribe to for tracing and metrics: an <see cref="System.Diagnostics.ActivitySource"/> with a span
/// around each token fetch, and a <see cref="System.Diagnostics.Metrics.Meter"/> with token counters.
/// </summary>
/// <example><code>
/// builder.Services.AddOpenTelemetry()
///     .WithTracing(t => t.AddSource(LogtoDiagnostics.SourceName))
///     .WithMetrics(m => m.AddMeter(LogtoDiagnostics.MeterName));
/// </code></example>
public static class LogtoDiagnostics
{
    /// <summary>The name of the activity source and of the meter: <c>LogtoGenerated</c>.</summary>
    public const string SourceName = "LogtoGenerated";

    /// <summary>The meter's name (same as <see cref="SourceName"/>).</summary>
    public const string MeterName = SourceName;

    /// <summary>The span around one token request: <c>logto.token.fetch</c>.</summary>
    public const string TokenFetchActivityName = "logto.token.fetch";

    /// <summary>Counter of token lookups answered from the cache: <c>logto.token.cache_hits</c>.</summary>
    public const string CacheHitsCounterName = "logto.token.cache_hits";

    /// <summary>Counter of token requests sent to Logto: <c>logto.token.fetches</c>.</summary>
    public const string FetchesCounterName = "logto.token.fetches";

    /// <summary>Counter of token requests that failed: <c>logto.token.failures</c>.</summary>
    public const string FailuresCounterName = "logto.token.failures";

    /// <summary>Counter of token lookups answered by the shared (distributed) token cache: <c>logto.token.shared_cache_hits</c>.</summary>
    public const string SharedCacheHitsCounterName = "logto.token.shared_cache_hits";

    /// <summary>Counter of token lookups the shared token cache had no entry for: <c>logto.token.shared_cache_misses</c>.</summary>
    public const string SharedCacheMissesCounterName = "logto.token.shared_cache_misses";

    /// <summary>
    /// Counter of shared token cache operations that failed, timed out or found an unreadable entry (each then done
    /// without the shared cache): <c>logto.token.shared_cache_errors</c>.
    /// </summary>
    public const string SharedCacheErrorsCounterName = "logto.token.shared_cache_errors";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(LogtoDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(MeterName, typeof(LogtoDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(CacheHitsCounterName, "{token}", "Token lookups answered from the cache.");

    internal static readonly Counter<long> Fetches = Meter.CreateCounter<long>(FetchesCounterName, "{request}", "Token requests sent to Logto's token endpoint.");

    internal static readonly Counter<long> Failures = Meter.CreateCounter<long>(FailuresCounterName, "{request}", "Token requests that failed.");

    internal static readonly Counter<long> SharedCacheHits = Meter.CreateCounter<long>(SharedCacheHitsCounterName, "{token}", "Token lookups answered by the shared token cache.");

    internal static readonly Counter<long> SharedCacheMisses = Meter.CreateCounter<long>(SharedCacheMissesCounterName, "{token}", "Token lookups the shared token cache had no entry for.");

    internal static readonly Counter<long> SharedCacheErrors = Meter.CreateCounter<long>(SharedCacheErrorsCounterName, "{operation}", "Shared token cache operations that failed, timed out or found an unreadable entry.");
}
