namespace LogtoGenerated.Paging;

/// <summary>
/// The pages of one <see cref="LogtoPager.GetAllAsync"/> enumeration that are requested and not yet enumerated, in
/// Logto's order: at most <c>maxPages</c> of them, the page being enumerated included. Pages after the current one are
/// requested ahead only while the last page is known from an uncapped <c>Total-Number</c>; otherwise one page is
/// requested after another, as the enumeration reaches it.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Used by one enumeration at a time, never concurrently. Disposing it cancels the requests still running and waits
/// for them, so nothing of the enumeration outlives it; their outcome is no longer anyone's concern.
/// </remarks>
internal sealed class PageReadAhead<T> : IAsyncDisposable
{
    private readonly Queue<(int Page, Task<LogtoPage<T>> Response)> _window = new();
    private readonly Func<int, CancellationToken, Task<LogtoPage<T>>> _send;
    private readonly CancellationTokenSource _stop;
    private readonly int _maxPages;
    private int _nextToRequest;

    // The last page according to the latest page's uncapped total; 0 while it is unknown (no total, or a capped one).
    private long _lastPage;

    /// <summary>Creates the window; no page is requested before <see cref="ReadAsync"/>.</summary>
    /// <param name="send">Sends the request for a page number; called in page order, on the enumeration's flow.</param>
    /// <param name="firstPage">The first page of the enumeration.</param>
    /// <param name="maxPages">How many pages may be requested and not yet enumerated; 1 requests one page after another.</param>
    /// <param name="cancellationToken">The enumeration's token: cancels every request of the window.</param>
    public PageReadAhead(Func<int, CancellationToken, Task<LogtoPage<T>>> send, int firstPage, int maxPages, CancellationToken cancellationToken)
    {
        _send = send;
        _nextToRequest = firstPage;
        _maxPages = Math.Max(1, maxPages);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>
    /// Reads page <paramref name="number"/>, the one after the page read last (or the first page), requesting it now if
    /// it was not requested ahead; once it has arrived, requests the pages after it that its total allows.
    /// </summary>
    public async Task<LogtoPage<T>> ReadAsync(int number)
    {
        RequestUpTo(Math.Max(number, _lastPage), _maxPages);
        (int page, Task<LogtoPage<T>> response) = _window.Dequeue();
        if (page != number)
        {
            throw new InvalidOperationException($"Page {number} was asked for, but page {page} is next; pages are read in order.");
        }

        LogtoPage<T> current = await response.ConfigureAwait(false);
        _lastPage = current.TotalCount is long total && !current.IsTotalCountCapped
            ? (total + current.PageSize - 1) / current.PageSize
            : 0;
        if (current.NextPage is not null)
        {
            // Only as far as the total reaches (none without one); the page just read is held while it is enumerated,
            // so it counts towards the bound.
            RequestUpTo(_lastPage, _maxPages - 1);
        }

        return current;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        while (_window.TryDequeue(out (int Page, Task<LogtoPage<T>> Response) waiting))
        {
            try
            {
                await waiting.Response.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Cancelled, or failed: either way nobody reads this page any more.
            }
        }

        _stop.Dispose();
    }

    /// <summary>
    /// Requests the pages not requested yet up to <paramref name="last"/>, in order, while fewer than
    /// <paramref name="capacity"/> are waiting and none of them has failed (a failed page ends the enumeration when it is
    /// reached, so nothing behind it is wanted).
    /// </summary>
    private void RequestUpTo(long last, int capacity)
    {
        while (_nextToRequest <= last && _window.Count < capacity && !AnyFailed())
        {
            _window.Enqueue((_nextToRequest, Send(_nextToRequest)));
            _nextToRequest++;
        }
    }

    private Task<LogtoPage<T>> Send(int page)
    {
        try
        {
            return _send(page, _stop.Token);
        }
        catch (Exception e)
        {
            // Surfaces where the enumeration reaches this page, after the items of the pages before it.
            return Task.FromException<LogtoPage<T>>(e);
        }
    }

    private bool AnyFailed()
    {
        foreach ((int _, Task<LogtoPage<T>> response) in _window)
        {
            if (response.IsFaulted)
            {
                return true;
            }
        }

        return false;
    }
}
