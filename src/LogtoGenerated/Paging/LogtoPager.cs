using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Http;

namespace LogtoGenerated.Paging;

/// <summary>
/// Reads Logto's paged lists (<c>page</c> from 1, <c>page_size</c> up to 100): one page with its total, or every item
/// across pages. The generated <c>GetPageAsync</c> and <c>GetAllAsync</c> methods call it; call it directly for a
/// request you build yourself.
/// </summary>
/// <remarks>
/// The page number is computed here, never taken from the <c>Link</c> headers. Every page is requested with
/// <c>page</c> and <c>page_size</c> set, so routes that page only on request (such as <c>GET /api/applications</c>)
/// page too.
/// </remarks>
public static class LogtoPager
{
    /// <summary>The largest page size Logto accepts; a larger one is answered with 400 <c>guard.invalid_pagination</c>.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size of <see cref="GetPageAsync"/> when the caller sets none: Logto's own default.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The page size of <see cref="GetAllAsync"/> when the caller sets none: the largest, for the fewest requests.</summary>
    public const int GetAllPageSize = MaxPageSize;

    /// <summary>
    /// Reads one page: sends the request with <c>page</c> (default 1) and <c>page_size</c> (default
    /// <see cref="DefaultPageSize"/>) and returns its items with Logto's total.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TQueryParameters">The operation's query parameter class.</typeparam>
    /// <param name="requestAdapter">Sends the request.</param>
    /// <param name="createRequest">Creates the request: method, path and required query parameters.</param>
    /// <param name="configure">The caller's query parameters and headers; <see langword="null"/> for none.</param>
    /// <param name="itemsTypeInfo">The metadata of the response, a JSON array of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1, or the page size is not between 1 and <see cref="MaxPageSize"/>; nothing was sent.</exception>
    /// <exception cref="LogtoApiException">Logto answered with an unsuccessful status code, or with a body that could not be read.</exception>
    public static Task<LogtoPage<T>> GetPageAsync<T, TQueryParameters>(
        LogtoRequestAdapter requestAdapter,
        Func<RequestInformation> createRequest,
        Action<RequestConfiguration<TQueryParameters>>? configure,
        JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo,
        CancellationToken cancellationToken = default)
        where TQueryParameters : class, IPagedQueryParameters, new()
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(itemsTypeInfo);
        RequestInformation request = CreatePageRequest(createRequest, configure, null, DefaultPageSize, out PageRequest page);
        return requestAdapter.SendPageAsync(request, page.Page, page.PageSize, itemsTypeInfo, cancellationToken);
    }

    /// <summary>
    /// Streams every item across pages, in Logto's order. Starts at the caller's <c>page</c> (default 1) with the caller's
    /// <c>page_size</c> (default <see cref="GetAllPageSize"/>) and stops after a page that is empty, shorter than the page
    /// size, or reaches Logto's total (when it is not capped).
    /// </summary>
    /// <remarks>
    /// Once a page has told the total (an uncapped <c>Total-Number</c>), the following pages are requested ahead, at most
    /// <see cref="LogtoManagementOptions.MaxConcurrentPageRequests"/> pages requested and not yet enumerated (the page
    /// being enumerated included), each through the adapter's rate limiter, retries and token handling. With a capped or
    /// missing total, each page is requested when the enumeration reaches it. Cancelling, a failing page, or disposing the
    /// enumerator cancels the requests still running and waits for them to end.
    /// </remarks>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TQueryParameters">The operation's query parameter class.</typeparam>
    /// <param name="requestAdapter">Sends the requests.</param>
    /// <param name="createRequest">Creates a page's request: method, path and required query parameters. Called once per page.</param>
    /// <param name="configure">
    /// The caller's query parameters and headers; <see langword="null"/> for none. Called once here, to check the page and
    /// page size, and once for every page's request, whose page number then replaces the caller's.
    /// </param>
    /// <param name="itemsTypeInfo">The metadata of the response, a JSON array of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration, together with the token given to <c>WithCancellation</c>.</param>
    /// <returns>The items, read lazily page by page.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1, or the page size is not between 1 and <see cref="MaxPageSize"/>; thrown here, before any request.</exception>
    public static IAsyncEnumerable<T> GetAllAsync<T, TQueryParameters>(
        LogtoRequestAdapter requestAdapter,
        Func<RequestInformation> createRequest,
        Action<RequestConfiguration<TQueryParameters>>? configure,
        JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo,
        CancellationToken cancellationToken = default)
        where TQueryParameters : class, IPagedQueryParameters, new()
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(itemsTypeInfo);

        // Check the caller's page and page size now, so a mistake surfaces at the call rather than at the first MoveNextAsync.
        var probe = new RequestConfiguration<TQueryParameters>();
        configure?.Invoke(probe);
        PageRequest first = PageRequest.FromCaller(probe.QueryParametersOrNull, GetAllPageSize);
        return EnumerateAsync(requestAdapter, createRequest, configure, itemsTypeInfo, first, cancellationToken);
    }

    private static async IAsyncEnumerable<T> EnumerateAsync<T, TQueryParameters>(
        LogtoRequestAdapter requestAdapter,
        Func<RequestInformation> createRequest,
        Action<RequestConfiguration<TQueryParameters>>? configure,
        JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo,
        PageRequest first,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TQueryParameters : class, IPagedQueryParameters, new()
    {
        // Pages are requested ahead (up to the adapter's MaxConcurrentPageRequests, the page being enumerated included) once
        // a page has told the total; disposing the window cancels and waits for whatever is still requested.
        var window = new PageReadAhead<T>(
            (number, token) =>
            {
                RequestInformation request = CreatePageRequest(createRequest, configure, first.WithPage(number), first.PageSize, out PageRequest page);
                return requestAdapter.SendPageAsync(request, page.Page, page.PageSize, itemsTypeInfo, token);
            },
            first.Page,
            requestAdapter.MaxConcurrentPageRequests,
            cancellationToken);
        await using (window.ConfigureAwait(false))
        {
            int? next = first.Page;
            while (next is int number)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LogtoPage<T> current = await window.ReadAsync(number).ConfigureAwait(false);
                foreach (T item in current.Items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }

                next = current.NextPage;
            }
        }
    }

    /// <summary>
    /// Creates a request and applies the caller's configuration; then sets <c>page</c> and <c>page_size</c> to
    /// <paramref name="fixedPage"/> when given (every page of <see cref="GetAllAsync"/>), else to the caller's, else to
    /// page 1 and <paramref name="defaultPageSize"/>, and checks them.
    /// </summary>
    private static RequestInformation CreatePageRequest<TQueryParameters>(
        Func<RequestInformation> createRequest, Action<RequestConfiguration<TQueryParameters>>? configure,
        PageRequest? fixedPage, int defaultPageSize, out PageRequest page)
        where TQueryParameters : class, IPagedQueryParameters, new()
    {
        RequestInformation request = createRequest()
            ?? throw new InvalidOperationException("The createRequest function returned null; it must create a new RequestInformation.");
        PageRequest requested = default;
        request.Configure<TQueryParameters>(configuration =>
        {
            configure?.Invoke(configuration);
            requested = fixedPage ?? PageRequest.FromCaller(configuration.QueryParametersOrNull, defaultPageSize);
            requested.ApplyTo(configuration.QueryParameters);
        });
        page = requested;
        return request;
    }
}
