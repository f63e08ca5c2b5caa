namespace LogtoGenerated.Http;

/// <summary>
/// The query parameters of one operation, implemented by the generated per-operation query classes.
/// </summary>
public interface IQueryParameters
{
    /// <summary>Adds every parameter that has a value to <paramref name="query"/>, in the document's order.</summary>
    /// <param name="query">The query string being built.</param>
    void WriteTo(QueryStringBuilder query);
}
