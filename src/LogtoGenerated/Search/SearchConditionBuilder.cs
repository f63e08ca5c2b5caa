using System.Text;

namespace LogtoGenerated.Search;

/// <summary>
/// A field of a <see cref="LogtoSearch"/> waiting for how to match it: returned by
/// <see cref="LogtoSearch.Where(string)"/>, <see cref="LogtoSearch.And(string)"/>, <see cref="LogtoSearch.Or(string)"/>
/// and their <c>AnyField</c> forms. Each method adds the condition and returns the resulting search.
/// </summary>
/// <example><code>
/// LogtoSearch byDomain = LogtoSearch.Where(UserSearchFields.PrimaryEmail).EndsWith("@example.com");
/// LogtoSearch byIds = LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u2");
/// </code></example>
public sealed class SearchConditionBuilder
{
    private readonly LogtoSearch? _search;
    private readonly SearchJoint _joint;
    private readonly string? _field;

    internal SearchConditionBuilder(LogtoSearch? search, SearchJoint joint, string? field)
    {
        _search = search;
        _joint = joint;
        _field = field;
    }

    /// <summary>The field the condition will apply to; <see langword="null"/> for any searchable field.</summary>
    public string? Field => _field;

    /// <summary>Matches items whose field equals <paramref name="value"/> (<c>mode=exact</c>).</summary>
    /// <param name="value">The value; not empty. Compared case-insensitively unless the search is <see cref="LogtoSearch.CaseSensitive(bool)"/>.</param>
    /// <returns>The search with this condition added.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.Username).Exact("ada")</code> sends <c>search.username=ada&amp;mode.username=exact</c>.</example>
    public LogtoSearch Exact(string value) => Add(SearchMatchMode.Exact, [CheckValue(value, nameof(value))]);

    /// <summary>
    /// Matches items whose field equals any of <paramref name="values"/> (<c>mode=exact</c> with the parameter
    /// repeated: <c>search.id=u1&amp;search.id=u2</c>).
    /// </summary>
    /// <param name="values">One or more values, none empty.</param>
    /// <returns>The search with this condition added.</returns>
    /// <remarks>
    /// A search with several values for one field needs a repeated query parameter, which the
    /// <c>SearchParams</c> dictionary of a query class cannot hold: <see cref="LogtoSearch.ToSearchParams"/>
    /// refuses it. A query class's <c>Search</c> property (and <see cref="LogtoSearch.WriteTo"/>) sends it.
    /// </remarks>
    /// <exception cref="ArgumentException">There are no values, a value is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u2")</code></example>
    public LogtoSearch OneOf(params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<string>();
        foreach (string value in values)
        {
            list.Add(CheckValue(value, nameof(values)));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("OneOf needs at least one value to compare the field with.", nameof(values));
        }

        return Add(SearchMatchMode.Exact, list.ToArray());
    }

    /// <summary>Matches items whose field matches the SQL <c>LIKE</c> <paramref name="pattern"/> (Logto's default mode, <c>like</c>).</summary>
    /// <param name="pattern">
    /// The pattern, sent as is: <c>%</c> matches any run of characters, <c>_</c> one character, <c>\</c> escapes.
    /// Without a wildcard it must match the whole field. To match literal text, use <see cref="Contains"/>,
    /// <see cref="StartsWith"/> or <see cref="EndsWith"/>, which escape it.
    /// </param>
    /// <returns>The search with this condition added.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.Name).Like("Ad_%")</code> sends <c>search.name=Ad_%25</c>.</example>
    public LogtoSearch Like(string pattern) => Add(SearchMatchMode.Like, [CheckValue(pattern, nameof(pattern))]);

    /// <summary>Matches items whose field contains <paramref name="text"/> (<c>like</c> with <c>%text%</c>; wildcards in the text are escaped).</summary>
    /// <param name="text">The literal text; not empty.</param>
    /// <returns>The search with this condition added.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.Name).Contains("50%")</code> sends the pattern <c>%50\%%</c>.</example>
    public LogtoSearch Contains(string text) =>
        Add(SearchMatchMode.Like, ["%" + EscapeLike(CheckValue(text, nameof(text))) + "%"]);

    /// <summary>Matches items whose field starts with <paramref name="prefix"/> (<c>like</c> with <c>prefix%</c>; wildcards in the prefix are escaped).</summary>
    /// <param name="prefix">The literal prefix; not empty.</param>
    /// <returns>The search with this condition added.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty, or the search already has a condition on this field.</exception>
    public LogtoSearch StartsWith(string prefix) =>
        Add(SearchMatchMode.Like, [EscapeLike(CheckValue(prefix, nameof(prefix))) + "%"]);

    /// <summary>Matches items whose field ends with <paramref name="suffix"/> (<c>like</c> with <c>%suffix</c>; wildcards in the suffix are escaped).</summary>
    /// <param name="suffix">The literal suffix; not empty.</param>
    /// <returns>The search with this condition added.</returns>
    /// <exception cref="ArgumentException"><paramref name="suffix"/> is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.PrimaryEmail).EndsWith("@example.com")</code> sends <c>search.primaryEmail=%25%40example.com</c>.</example>
    public LogtoSearch EndsWith(string suffix) =>
        Add(SearchMatchMode.Like, ["%" + EscapeLike(CheckValue(suffix, nameof(suffix)))]);

    /// <summary>Matches items whose field matches the SQL <c>SIMILAR TO</c> <paramref name="pattern"/> (<c>mode=similar_to</c>).</summary>
    /// <param name="pattern">The pattern, sent as is; not empty.</param>
    /// <returns>The search with this condition added.</returns>
    /// <remarks>
    /// Logto runs <c>SIMILAR TO</c> only in a case-sensitive search: call <see cref="LogtoSearch.CaseSensitive(bool)"/>,
    /// or the search is refused when it is written. For a case-insensitive regular expression use <see cref="Posix"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.Username).SimilarTo("(ada|bob)%").CaseSensitive()</code></example>
    public LogtoSearch SimilarTo(string pattern) => Add(SearchMatchMode.SimilarTo, [CheckValue(pattern, nameof(pattern))]);

    /// <summary>Matches items whose field matches the POSIX regular expression <paramref name="pattern"/> (<c>mode=posix</c>).</summary>
    /// <param name="pattern">The regular expression, sent as is; not empty. Unanchored: use <c>^</c> and <c>$</c> to match the whole field.</param>
    /// <returns>The search with this condition added.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty, or the search already has a condition on this field.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.PrimaryPhone).Posix("^1[0-9]{10}$")</code></example>
    public LogtoSearch Posix(string pattern) => Add(SearchMatchMode.Posix, [CheckValue(pattern, nameof(pattern))]);

    /// <inheritdoc/>
    public override string ToString() => (_field ?? "any field") + " (no match yet)";

    /// <summary>Escapes <c>\</c>, <c>%</c> and <c>_</c> so that a <c>LIKE</c> pattern matches them literally.</summary>
    internal static string EscapeLike(string text)
    {
        if (text.AsSpan().IndexOfAny('\\', '%', '_') < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '%' or '_')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string CheckValue(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0)
        {
            throw new ArgumentException(
                "A search value must not be empty: Logto refuses it (\"Search value cannot be empty.\"). Leave the condition out to match everything.",
                parameterName);
        }

        return value;
    }

    private LogtoSearch Add(SearchMatchMode mode, string[] values)
    {
        var condition = new SearchCondition(_field, mode, values);
        return _search is null ? new LogtoSearch(condition) : _search.Append(_joint, condition);
    }
}
