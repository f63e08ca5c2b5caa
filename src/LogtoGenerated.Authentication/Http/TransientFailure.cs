using LogtoGenerated.Authentication;

namespace LogtoGenerated.Http;

/// <summary>
/// The one place that says what is transient (may pass by itself, so is worth trying again): the statuses
/// <c>429</c>, <c>502</c>, <c>503</c> and <c>504</c>, a connection failure, an attempt that ran out of
/// <see cref="HttpClient.Timeout"/>, and a token request that failed one of these ways.
/// </summary>
internal static class TransientFailure
{
    /// <summary>Whether a status says "try again later" (for the API and the token endpoint alike).</summary>
    public static bool IsTransientStatus(int status) => status is 429 or 502 or 503 or 504;

    /// <summary>Whether a failed send means Logto could not be reached, or one attempt ran out of <see cref="HttpClient.Timeout"/>.</summary>
    public static bool IsConnectionFailure(Exception exception) =>
        exception is HttpRequestException || exception is TaskCanceledException { InnerException: TimeoutException };

    /// <summary>Whether a token request failed transiently: with a transient status, or without a response because Logto was unreachable or slow.</summary>
    public static bool IsTransientTokenFailure(int? status, Exception? cause) =>
        status is { } code ? IsTransientStatus(code) : cause is HttpRequestException or TaskCanceledException;

    /// <summary>Whether an exception thrown while authenticating or sending is transient (and not the caller's cancellation).</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (IsConnectionFailure(exception) || exception is LogtoTokenException { IsTransient: true });
}
