namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// The lifetime of one call: links the caller's token with the request's <see cref="RequestConfiguration.Timeout"/>
/// (on the adapter's clock), and disposes the request body at the end.
/// </summary>
internal readonly struct CallScope : IDisposable
{
    private readonly RequestInformation _request;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenSource? _linked;

    public CallScope(RequestInformation request, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _request = request;
        _callerToken = cancellationToken;
        if (request.Configuration?.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
        {
            _timeout = new CancellationTokenSource(timeout, timeProvider);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
            Token = _linked.Token;
        }
        else
        {
            Token = cancellationToken;
        }
    }

    public CancellationToken Token { get; }

    /// <summary>Whether a cancellation is of the token that links the caller's token with the timeout (so it needs mapping).</summary>
    public bool IsOwnCancellation(OperationCanceledException exception) =>
        _linked is not null && exception.CancellationToken == Token;

    /// <summary>
    /// A <see cref="System.TimeoutException"/> when the timeout passed; otherwise (the caller cancelled, which wins
    /// when both happened) the cancellation again, reported against the caller's own token.
    /// </summary>
    public Exception MapCancellation(OperationCanceledException exception)
    {
        if (_callerToken.IsCancellationRequested || _timeout is not { IsCancellationRequested: true })
        {
            return exception is TaskCanceledException
                ? new TaskCanceledException(exception.Message, exception, _callerToken)
                : new OperationCanceledException(exception.Message, exception, _callerToken);
        }

        return new TimeoutException(
            _request.Method.Method + " " + _request.PathTemplate + " (" + _request.OperationId + ") did not complete within its timeout of "
            + _request.Configuration!.Timeout!.Value + ". Raise RequestConfiguration.Timeout if the operation legitimately takes longer.", exception);
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _timeout?.Dispose();
        _request.Content?.Dispose();
    }
}
