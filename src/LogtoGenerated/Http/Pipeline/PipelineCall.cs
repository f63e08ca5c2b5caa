namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// One call as it passes the stages of the pipeline, over all its attempts: what the retry and replay stages need to
/// decide, and what they counted.
/// </summary>
internal sealed class PipelineCall
{
    private PipelineCall(bool isContentReplayable, LogtoRetryOptions retry, int maxRetries, RequestConfiguration? configuration, CancellationToken cancellationToken)
    {
        IsContentReplayable = isContentReplayable;
        Retry = retry;
        MaxRetries = maxRetries;
        Configuration = configuration;
        CancellationToken = cancellationToken;
    }

    /// <summary>Whether the body can be sent more than once (for a retry or a replay after a 401).</summary>
    public bool IsContentReplayable { get; }

    /// <summary>The retry options of this call: the request's own, else the client's.</summary>
    public LogtoRetryOptions Retry { get; }

    /// <summary>How many times a failed send may be repeated: none unless the method and the body allow it.</summary>
    public int MaxRetries { get; }

    /// <summary>The caller's configuration of the request, if any.</summary>
    public RequestConfiguration? Configuration { get; }

    /// <summary>Cancels the call: the caller's token, linked with the request's timeout.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>How many times the request was sent.</summary>
    public int Sends { get; set; }

    /// <summary>How many times it was retried (not counting a replay after a 401).</summary>
    public int Retries { get; set; }

    /// <summary>Whether a 401 was answered already: only the first one is replayed.</summary>
    public bool HeardUnauthorized { get; set; }

    /// <summary>A call of the request adapter.</summary>
    public static PipelineCall For(RequestInformation request, LogtoRetryOptions clientRetry, CancellationToken cancellationToken)
    {
        LogtoRetryOptions retry = request.Configuration?.Retry is { } own ? Checked(own) : clientRetry;
        bool replayable = request.IsContentReplayable;
        int maxRetries = replayable && retry.AllowsMethod(request.Method) ? retry.MaxRetries : 0;
        return new PipelineCall(replayable, retry, maxRetries, request.Configuration, cancellationToken);
    }

    /// <summary>A copy of a request's own retry options (the caller may change them later), when they are in range.</summary>
    private static LogtoRetryOptions Checked(LogtoRetryOptions retry)
    {
        if (!retry.IsInRange)
        {
            var errors = new List<string>();
            retry.AddProblems(errors, nameof(RequestConfiguration) + "." + nameof(RequestConfiguration.Retry));
            throw new ArgumentException(string.Join(" ", errors), "request");
        }

        return retry with { };
    }
}
