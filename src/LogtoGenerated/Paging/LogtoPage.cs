using System.Globalization;

namespace LogtoGenerated.Paging;

/// <summary>
/// One page of a Logto list: its items, which page it is, and the total Logto reported in its
/// <c>Total-Number</c> header.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <example><code>
/// LogtoPage&lt;User&gt; page = await client.Users.GetPageAsync(c => c.QueryParameters.PageSize = 50);
/// Console.WriteLine($"{page.Items.Count} of {page.TotalCount} users; next page: {page.NextPage}");
/// </code></example>
public sealed class LogtoPage<T>
{
    /// <summary>Creates a page, for example to return from a mocked request builder.</summary>
    /// <param name="items">The items of the page.</param>
    /// <param name="page">The page number, from 1.</param>
    /// <param name="pageSize">The page size that was asked for.</param>
    /// <param name="totalCount">The total number of items Logto reported; <see langword="null"/> when it reported none.</param>
    /// <param name="isTotalCountCapped">Whether Logto capped <paramref name="totalCount"/>, so that more items may exist.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> or <paramref name="pageSize"/> is below 1, or <paramref name="totalCount"/> is negative.</exception>
    public LogtoPage(IReadOnlyList<T> items, int page, int pageSize, long? totalCount = null, bool isTotalCountCapped = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (totalCount is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalCount), totalCount, "The total count must not be negative.");
        }

        Items = items;
        Page = page;
        PageSize = pageSize;
        TotalCount = totalCount;
        IsTotalCountCapped = isTotalCountCapped;
    }

    /// <summary>The items of this page, in Logto's order; empty past the last page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The page number that was asked for (<c>page</c>), from 1.</summary>
    public int Page { get; }

    /// <summary>The page size that was asked for (<c>page_size</c>).</summary>
    public int PageSize { get; }

    /// <summary>
    /// The total number of items, from Logto's <c>Total-Number</c> header; <see langword="null"/> when the response
    /// has none (or one that is not a number). When <see cref="IsTotalCountCapped"/> is true, more items may exist.
    /// </summary>
    public long? TotalCount { get; }

    /// <summary>
    /// Whether Logto capped the count (<c>Total-Number-Is-Capped: true</c>): <see cref="TotalCount"/> is a lower
    /// bound, and the only way to find the end is to ask for pages until one comes back empty.
    /// </summary>
    public bool IsTotalCountCapped { get; }

    /// <summary>
    /// The page number to ask for next, or <see langword="null"/> when this is the last page: it is empty or shorter
    /// than <see cref="PageSize"/>, or it reaches <see cref="TotalCount"/> (unless the count is capped). When the total
    /// is unknown or capped, the next page may turn out to be empty.
    /// </summary>
    public int? NextPage
    {
        get
        {
            if (Items.Count == 0 || Items.Count < PageSize || Page == int.MaxValue)
            {
                return null;
            }

            if (TotalCount is { } total && !IsTotalCountCapped && (long)Page * PageSize >= total)
            {
                return null;
            }

            return Page + 1;
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string total = TotalCount is { } count
            ? " of " + count.ToString(CultureInfo.InvariantCulture) + (IsTotalCountCapped ? " or more" : "")
            : "";
        return FormattableString.Invariant($"Page {Page} ({PageSize} per page): {Items.Count} items{total}");
    }
}
