using LogtoGenerated.Authentication;

namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// Stage 5: decides whether a failed attempt is tried again, and how long to wait first: transient failures
/// (<see cref="TransientFailure"/>) within the call's retry budget, with exponential backoff or the server's
/// <c>Retry-After</c>.
/// </summary>
internal sealed class RetryStage
{
    private readonly TimeProvider _timeProvider;

    public RetryStage(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>
    /// Whether to retry after an exception. A failed token request means the request was not sent, so asking again
    /// is safe whatever its method or body; a connection failure only within <see cref="PipelineCall.MaxRetries"/>.
    /// </summary>
    public bool ShouldRetry(PipelineCall call, Exception exception, out TimeSpan delay)
    {
        int allowed = exception is LogtoTokenException ? call.Retry.MaxRetries : call.MaxRetries;
        if (call.Retries >= allowed || !TransientFailure.IsTransient(exception, call.CancellationToken))
        {
            delay = default;
            return false;
        }

        call.Retries++;
        delay = call.Retry.GetBackoff(call.Retries);
        return true;
    }

    /// <summary>Whether the response's status is one to retry and retries are left (<see cref="ShouldRetry(PipelineCall, HttpResponseMessage, out TimeSpan)"/> then decides).</summary>
    public static bool MayRetry(PipelineCall call, HttpResponseMessage response) =>
        call.Retries < call.MaxRetries && TransientFailure.IsTransientStatus((int)response.StatusCode);

    /// <summary>Whether to retry after a transient status; not when the server asks to wait longer than the options allow.</summary>
    public bool ShouldRetry(PipelineCall call, HttpResponseMessage response, out TimeSpan delay)
    {
        delay = default;
        if (!MayRetry(call, response) || !TryGetDelay(response, call.Retry, call.Retries + 1, out delay))
        {
            return false;
        }

        call.Retries++;
        return true;
    }

    /// <summary>Waits before the next attempt, on the client's clock.</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, _timeProvider, cancellationToken);

    /// <summary>The server's <c>Retry-After</c> (seconds or a date) when given, else the backoff. False when the server asks for longer than the options allow.</summary>
    private bool TryGetDelay(HttpResponseMessage response, LogtoRetryOptions retry, int retryNumber, out TimeSpan delay)
    {
        System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - _timeProvider.GetUtcNow();
        }
        else
        {
            delay = retry.GetBackoff(retryNumber);
            return true;
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay <= retry.MaxDelay;
    }
}
