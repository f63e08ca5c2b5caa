namespace LogtoGenerated.Paging;

/// <summary>
/// The page and page size a request asks for, checked once: <see cref="LogtoPager"/> writes them into the request's
/// query and hands them to the page it reads, so nothing parses them back out of the query.
/// </summary>
internal readonly record struct PageRequest
{
    private const string PageProblem = "QueryParameters.Page must be 1 or more: Logto numbers pages from 1.";
    private const string PageSizeProblem =
        "QueryParameters.PageSize must be between 1 and 100: Logto answers a larger page size with 400 guard.invalid_pagination.";

    /// <summary>Creates a checked page request.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1, or the page size not between 1 and <see cref="LogtoPager.MaxPageSize"/>.</exception>
    public PageRequest(int page, int pageSize, string pageParameter = "configure", string pageSizeParameter = "configure")
    {
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(pageParameter, page, PageProblem);
        }

        if (pageSize is < 1 or > LogtoPager.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(pageSizeParameter, pageSize, PageSizeProblem);
        }

        Page = page;
        PageSize = pageSize;
    }

    /// <summary>The page number, from 1 (<c>page</c>).</summary>
    public int Page { get; }

    /// <summary>The number of items per page (<c>page_size</c>).</summary>
    public int PageSize { get; }

    /// <summary>The caller's page and page size, else the defaults: page 1 and <paramref name="defaultPageSize"/>.</summary>
    public static PageRequest FromCaller(IPagedQueryParameters? query, int defaultPageSize) =>
        new(query?.Page ?? 1, query?.PageSize ?? defaultPageSize);

    /// <summary>The same page size, another page.</summary>
    public PageRequest WithPage(int page) => new(page, PageSize);

    /// <summary>Sets the page and page size on the operation's query parameters, which write them into the query.</summary>
    public void ApplyTo(IPagedQueryParameters query)
    {
        query.Page = Page;
        query.PageSize = PageSize;
    }
}
