using LogtoGenerated.Http;

namespace LogtoGenerated.Paging;

/// <summary>
/// The query parameters of a paged list operation: the generated query classes of operations that take Logto's
/// <c>page</c> and <c>page_size</c> implement it, so <see cref="LogtoPager"/> can ask for page after page.
/// </summary>
public interface IPagedQueryParameters : IQueryParameters
{
    /// <summary>The page number, from 1; sent as <c>page</c>.</summary>
    int? Page { get; set; }

    /// <summary>The number of items per page, from 1 to 100; sent as <c>page_size</c>.</summary>
    int? PageSize { get; set; }
}
