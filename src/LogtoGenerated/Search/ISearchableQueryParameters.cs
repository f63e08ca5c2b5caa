using LogtoGenerated.Http;

namespace LogtoGenerated.Search;

/// <summary>
/// The query parameters of a list operation that takes Logto's advanced search (<c>search_params</c>) as a
/// <see cref="LogtoSearch"/>. Its <see cref="IQueryParameters.WriteTo"/> writes the other parameters and then
/// calls <see cref="LogtoSearch.WriteTo"/>, so every search can be sent, including several values for one field.
/// </summary>
/// <example><code>
/// // A query class implements it like this:
/// public LogtoSearch? Search { get; set; }
/// void IQueryParameters.WriteTo(QueryStringBuilder query)
/// {
///     query.Add("page", Page);
///     query.AddExploded(SearchParams);
///     Search?.WriteTo(query);
/// }
/// </code></example>
public interface ISearchableQueryParameters : IQueryParameters
{
    /// <summary>The advanced search to send, or <see langword="null"/> for none.</summary>
    LogtoSearch? Search { get; set; }
}
