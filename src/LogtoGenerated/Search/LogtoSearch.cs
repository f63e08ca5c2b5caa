using LogtoGenerated.Http;

namespace LogtoGenerated.Search;

/// <summary>
/// An advanced search for the Logto list operations that take <c>search_params</c> (users, roles, applications,
/// scopes and their nested lists): conditions on fields, how they are joined, and case sensitivity. Immutable:
/// every method returns a new search. Checked as it is built and when it is written, so a search Logto's parser
/// would refuse fails in the client with a message saying why; only field names are left to Logto, which knows
/// the fields of each list.
/// </summary>
/// <remarks>
/// <para>
/// It writes Logto's parameters exactly (see Logto's "Advanced user search"): <c>search</c> (any searchable field)
/// or <c>search.&lt;field&gt;</c> with the value, <c>mode</c> / <c>mode.&lt;field&gt;</c> when the match is not
/// Logto's default <c>like</c>, <c>joint=and</c> when every condition must match, and <c>isCaseSensitive=true</c>.
/// </para>
/// <para>
/// Logto's rules, which the builder enforces: one condition per field (Logto merges the values of a field into
/// one condition with one mode); only <c>exact</c> takes several values for a field; no empty values; no nested
/// fields (<c>profile.x</c>); one way of joining for the whole search (<c>and</c> or <c>or</c>, not both);
/// <c>similar_to</c> only in a case-sensitive search. Which fields exist depends on the list: see
/// <see cref="UserSearchFields"/>, <see cref="RoleSearchFields"/>, <see cref="ApplicationSearchFields"/> and
/// <see cref="ScopeSearchFields"/>; Logto answers an unknown field with 400 <c>request.invalid_input</c>.
/// </para>
/// </remarks>
/// <example><code>
/// // Users whose email ends with @example.com and whose name is exactly "Ada" (case-sensitive):
/// var search = LogtoSearch.Where(UserSearchFields.PrimaryEmail).EndsWith("@example.com")
///     .And(UserSearchFields.Name).Exact("Ada")
///     .CaseSensitive();
/// var users = await client.Users.GetAsync(c => c.QueryParameters.Search = search);
/// // search.primaryEmail=%25%40example.com&amp;search.name=Ada&amp;mode.name=exact&amp;joint=and&amp;isCaseSensitive=true
///
/// // Users with "ada" anywhere in id, email, phone, username or name:
/// var users2 = await client.Users.GetAsync(c => c.QueryParameters.Search = LogtoSearch.Text("ada"));
/// </code></example>
public sealed class LogtoSearch
{
    private readonly SearchCondition[] _conditions;
    private readonly SearchJoint _joint;

    internal LogtoSearch(SearchCondition condition)
        : this([condition], SearchJoint.Or, isCaseSensitive: false)
    {
    }

    private LogtoSearch(SearchCondition[] conditions, SearchJoint joint, bool isCaseSensitive)
    {
        _conditions = conditions;
        _joint = joint;
        IsCaseSensitive = isCaseSensitive;
    }

    /// <summary>The conditions, in the order they were added.</summary>
    public IReadOnlyList<SearchCondition> Conditions => _conditions;

    /// <summary>
    /// How the conditions are joined: <see cref="SearchJoint.And"/> after <see cref="And(string)"/>, otherwise
    /// <see cref="SearchJoint.Or"/> (Logto's default, also for a single condition).
    /// </summary>
    public SearchJoint Joint => _joint;

    /// <summary>Whether values are compared case-sensitively; <see langword="false"/> (Logto's default) unless <see cref="CaseSensitive(bool)"/> was called.</summary>
    public bool IsCaseSensitive { get; }

    /// <summary>Starts a search with a condition on <paramref name="field"/>; say how to match it with the returned builder.</summary>
    /// <param name="field">A top-level field of the listed items, for example <see cref="UserSearchFields.PrimaryEmail"/>.</param>
    /// <returns>The builder whose methods (<c>Exact</c>, <c>Contains</c>, <c>Like</c>, ...) return the search.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty, blank, or a nested path such as <c>profile.givenName</c>.</exception>
    /// <example><code>LogtoSearch.Where(UserSearchFields.Username).StartsWith("ada")</code></example>
    public static SearchConditionBuilder Where(string field) => new(null, SearchJoint.Or, CheckField(field));

    /// <summary>
    /// Starts a search with a condition on every searchable field of the listed items (Logto's plain <c>search</c>
    /// parameter): an item matches when any of those fields matches.
    /// </summary>
    /// <returns>The builder whose methods return the search.</returns>
    /// <example><code>LogtoSearch.WhereAnyField().Exact("ada@example.com")</code></example>
    public static SearchConditionBuilder WhereAnyField() => new(null, SearchJoint.Or, null);

    /// <summary>
    /// A search for items with <paramref name="text"/> anywhere in any searchable field (for users: id, email,
    /// phone, username, name); shorthand for <c>WhereAnyField().Contains(text)</c>.
    /// </summary>
    /// <param name="text">The literal text; not empty. <c>%</c>, <c>_</c> and <c>\</c> in it are matched literally.</param>
    /// <returns>The search; add conditions with <see cref="And(string)"/> or <see cref="Or(string)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    /// <example><code>LogtoSearch.Text("ada")</code> sends <c>search=%25ada%25</c>.</example>
    public static LogtoSearch Text(string text) => WhereAnyField().Contains(text);

    /// <summary>Adds a condition on <paramref name="field"/> that must hold together with the others (<c>joint=and</c>).</summary>
    /// <param name="field">A top-level field of the listed items.</param>
    /// <returns>The builder whose methods return the extended search.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty, blank, or a nested path.</exception>
    /// <exception cref="InvalidOperationException">The search already joins its conditions with <c>or</c>: Logto uses one joint for all of them.</exception>
    public SearchConditionBuilder And(string field) => new(this, CheckJoint(SearchJoint.And), CheckField(field));

    /// <summary>Adds a condition on every searchable field that must hold together with the others (<c>joint=and</c>).</summary>
    /// <returns>The builder whose methods return the extended search.</returns>
    /// <exception cref="InvalidOperationException">The search already joins its conditions with <c>or</c>.</exception>
    public SearchConditionBuilder AndAnyField() => new(this, CheckJoint(SearchJoint.And), null);

    /// <summary>Adds a condition on <paramref name="field"/> that is an alternative to the others (<c>joint=or</c>, Logto's default).</summary>
    /// <param name="field">A top-level field of the listed items.</param>
    /// <returns>The builder whose methods return the extended search.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty, blank, or a nested path.</exception>
    /// <exception cref="InvalidOperationException">The search already joins its conditions with <c>and</c>: Logto uses one joint for all of them.</exception>
    public SearchConditionBuilder Or(string field) => new(this, CheckJoint(SearchJoint.Or), CheckField(field));

    /// <summary>Adds a condition on every searchable field that is an alternative to the others (<c>joint=or</c>).</summary>
    /// <returns>The builder whose methods return the extended search.</returns>
    /// <exception cref="InvalidOperationException">The search already joins its conditions with <c>and</c>.</exception>
    public SearchConditionBuilder OrAnyField() => new(this, CheckJoint(SearchJoint.Or), null);

    /// <summary>Compares values case-sensitively (<c>isCaseSensitive=true</c>), or again case-insensitively.</summary>
    /// <param name="isCaseSensitive"><see langword="true"/> (the default) for case-sensitive matching.</param>
    /// <returns>The search with the setting changed; it applies to every condition, as in Logto.</returns>
    public LogtoSearch CaseSensitive(bool isCaseSensitive = true) =>
        isCaseSensitive == IsCaseSensitive ? this : new LogtoSearch(_conditions, _joint, isCaseSensitive);

    /// <summary>
    /// Adds Logto's search parameters to <paramref name="query"/>: per condition the value(s) and, when not the
    /// default, the mode; then <c>joint=and</c> and <c>isCaseSensitive=true</c> when they apply.
    /// </summary>
    /// <param name="query">The query string of the request; it must not already hold search parameters.</param>
    /// <exception cref="InvalidOperationException">
    /// The search uses <c>similar_to</c> without being case-sensitive, or <paramref name="query"/> already holds a
    /// parameter Logto would read as part of the search (for example from <c>SearchParams</c>).
    /// </exception>
    public void WriteTo(QueryStringBuilder query)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<KeyValuePair<string, string>> pairs = BuildPairs();
        foreach (KeyValuePair<string, string> pair in query.Pairs)
        {
            if (SearchQuery.IsSearchParameterName(pair.Key))
            {
                throw new InvalidOperationException(
                    $"The query already has the parameter '{pair.Key}', which Logto would read as part of the search and merge with this one. " +
                    "Put every condition in the LogtoSearch and do not also set SearchParams.");
            }
        }

        foreach (KeyValuePair<string, string> pair in pairs)
        {
            query.Add(pair.Key, pair.Value);
        }
    }

    /// <summary>The query parameters the search sends, unescaped, in order (a key repeats for <see cref="SearchConditionBuilder.OneOf"/>).</summary>
    /// <returns>For example <c>search.name = Ada</c>, <c>mode.name = exact</c>.</returns>
    /// <exception cref="InvalidOperationException">The search uses <c>similar_to</c> without being case-sensitive.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> ToQueryParameters() => BuildPairs();

    /// <summary>
    /// The search as a new dictionary for the <c>SearchParams</c> property of a generated query class, each entry
    /// one query parameter.
    /// </summary>
    /// <returns>A new dictionary; changing it does not change the search.</returns>
    /// <exception cref="InvalidOperationException">
    /// A condition has several values (<see cref="SearchConditionBuilder.OneOf"/>), which Logto reads from a
    /// repeated parameter a dictionary cannot hold; or the search uses <c>similar_to</c> without being case-sensitive.
    /// </exception>
    public Dictionary<string, string> ToSearchParams()
    {
        foreach (SearchCondition condition in _conditions)
        {
            if (condition.Values.Count > 1)
            {
                string key = SearchQuery.GetSearchKey(condition.Field);
                throw new InvalidOperationException(
                    $"The condition {condition} has {condition.Values.Count} values, which Logto reads from the repeated parameter '{key}'; " +
                    "a SearchParams dictionary cannot hold a repeated key. Search for one value per request, or match the values with one " +
                    "pattern, for example Posix(\"^(a|b)$\") (regular-expression characters in the values must then be escaped).");
            }
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in BuildPairs())
        {
            parameters.Add(pair.Key, pair.Value);
        }

        return parameters;
    }

    /// <summary>The escaped query string the search sends, without a leading <c>?</c>.</summary>
    /// <returns>For example <c>search.primaryEmail=%25%40example.com&amp;search.name=Ada&amp;mode.name=exact&amp;joint=and</c>.</returns>
    /// <exception cref="InvalidOperationException">The search uses <c>similar_to</c> without being case-sensitive.</exception>
    public override string ToString()
    {
        var query = new QueryStringBuilder();
        WriteTo(query);
        return query.ToString();
    }

    /// <summary>Logto's name of a match mode, for example <c>similar_to</c>.</summary>
    internal static string GetWireName(SearchMatchMode mode) => SearchQuery.GetWireName(mode);

    /// <summary>Returns a new search with <paramref name="condition"/> added; called by <see cref="SearchConditionBuilder"/>.</summary>
    internal LogtoSearch Append(SearchJoint joint, SearchCondition condition)
    {
        foreach (SearchCondition existing in _conditions)
        {
            if (existing.Field == condition.Field)
            {
                string field = condition.Field is null ? "any field (search)" : $"field '{condition.Field}'";
                throw new ArgumentException(
                    $"The search already has a condition on {field}: {existing}. Logto reads all values of a field into one condition " +
                    "with one mode, so a second condition on it would not mean what it says. To match any of several exact values use " +
                    "OneOf(...); otherwise run separate searches.");
            }
        }

        return new LogtoSearch([.. _conditions, condition], joint, IsCaseSensitive);
    }

    private static string CheckField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.IsNullOrWhiteSpace(field))
        {
            throw new ArgumentException(
                "A search field must not be empty or blank: name a field such as \"primaryEmail\", or use WhereAnyField() to search every field.",
                nameof(field));
        }

        if (field.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The search field '{field}' is a nested path: Logto searches only top-level fields (\"Only the first level field is supported\"). " +
                "Use a field such as \"name\" or \"primaryEmail\".",
                nameof(field));
        }

        return field;
    }

    private SearchJoint CheckJoint(SearchJoint joint)
    {
        if (_conditions.Length > 1 && joint != _joint)
        {
            string current = _joint == SearchJoint.And ? "and" : "or";
            string wanted = joint == SearchJoint.And ? "and" : "or";
            throw new InvalidOperationException(
                $"This search joins its conditions with '{current}', so a condition cannot be added with '{wanted}': Logto joins all " +
                $"conditions of one search the same way (its 'joint' parameter). Use only {(joint == SearchJoint.And ? "Or" : "And")}(...) " +
                "in this search, or run separate searches.");
        }

        return joint;
    }

    private List<KeyValuePair<string, string>> BuildPairs() => SearchQuery.BuildPairs(_conditions, _joint, IsCaseSensitive);
}
