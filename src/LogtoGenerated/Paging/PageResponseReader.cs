using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Http;
using LogtoGenerated.Http.Pipeline;

namespace LogtoGenerated.Paging;

/// <summary>
/// Reads one page: the items (a JSON array; none for a <c>204 No Content</c>), the page and page size that were asked
/// for, and the total from <c>Total-Number</c>, capped per <c>Total-Number-Is-Capped</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class PageResponseReader<T> : ResponseReader<LogtoPage<T>>
{
    private readonly PageRequest _requested;
    private readonly JsonTypeInfo<IReadOnlyList<T>> _itemsTypeInfo;

    public PageResponseReader(PageRequest requested, JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo)
    {
        _requested = requested;
        _itemsTypeInfo = itemsTypeInfo;
    }

    public override string? DefaultAccept => JsonBody.MediaType;

    public override async ValueTask<LogtoPage<T>> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // A list answered with 204 No Content (which Logto documents for some lists) has no items.
        IReadOnlyList<T> items = response.StatusCode == HttpStatusCode.NoContent
            ? []
            : await JsonBody.ReadAsync(request, response, _itemsTypeInfo, cancellationToken).ConfigureAwait(false);
        long? total = long.TryParse(LogtoHeaders.Get(response, LogtoHeaders.TotalNumber), NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : null;
        bool capped = string.Equals(LogtoHeaders.Get(response, LogtoHeaders.TotalNumberIsCapped)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new LogtoPage<T>(items, _requested.Page, _requested.PageSize, total, capped);
    }
}
