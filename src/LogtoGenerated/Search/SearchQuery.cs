namespace LogtoGenerated.Search;

/// <summary>Writes a <see cref="LogtoSearch"/> as the query parameters of Logto's advanced user search.</summary>
internal static class SearchQuery
{
    private const string SearchKey = "search";
    private const string ModeKey = "mode";
    private const string JointKey = "joint";
    private const string CaseSensitiveKey = "isCaseSensitive";

    /// <summary>Logto's name of a match mode, for example <c>similar_to</c>.</summary>
    public static string GetWireName(SearchMatchMode mode) => mode switch
    {
        SearchMatchMode.Like => "like",
        SearchMatchMode.Exact => "exact",
        SearchMatchMode.SimilarTo => "similar_to",
        SearchMatchMode.Posix => "posix",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown search match mode."),
    };

    /// <summary>Whether Logto reads a query parameter of this name as part of a search (the way its parser does).</summary>
    public static bool IsSearchParameterName(string name) =>
        name.StartsWith(SearchKey, StringComparison.Ordinal)
        || name.StartsWith(ModeKey, StringComparison.Ordinal)
        || name is JointKey or "jointMode" or CaseSensitiveKey;

    /// <summary><c>search</c> for any field, <c>search.{field}</c> for one.</summary>
    public static string GetSearchKey(string? field) => field is null ? SearchKey : SearchKey + "." + field;

    /// <summary>Per condition its value(s) and, when not the default, its mode; then <c>joint=and</c> and <c>isCaseSensitive=true</c> when they apply.</summary>
    /// <exception cref="InvalidOperationException">The search uses <c>similar_to</c> without being case-sensitive.</exception>
    public static List<KeyValuePair<string, string>> BuildPairs(SearchCondition[] conditions, SearchJoint joint, bool isCaseSensitive)
    {
        string? generalMode = FindGeneralMode(conditions, isCaseSensitive);
        var pairs = new List<KeyValuePair<string, string>>(conditions.Length * 2 + 2);
        foreach (SearchCondition condition in conditions)
        {
            string key = GetSearchKey(condition.Field);
            foreach (string value in condition.Values)
            {
                pairs.Add(new KeyValuePair<string, string>(key, value));
            }

            string mode = GetWireName(condition.Mode);
            if (condition.Field is null)
            {
                if (generalMode is not null)
                {
                    pairs.Add(new KeyValuePair<string, string>(ModeKey, mode));
                }
            }
            else if (mode != (generalMode ?? "like"))
            {
                pairs.Add(new KeyValuePair<string, string>(ModeKey + "." + condition.Field, mode));
            }
        }

        if (conditions.Length > 1 && joint == SearchJoint.And)
        {
            pairs.Add(new KeyValuePair<string, string>(JointKey, "and"));
        }

        if (isCaseSensitive)
        {
            pairs.Add(new KeyValuePair<string, string>(CaseSensitiveKey, "true"));
        }

        return pairs;
    }

    /// <summary>
    /// Logto's plain <c>mode</c>, which is also the default for fields without their own <c>mode.{field}</c>: the
    /// any-field condition's mode unless it is <c>like</c>. Checks that <c>similar_to</c> is case-sensitive.
    /// </summary>
    private static string? FindGeneralMode(SearchCondition[] conditions, bool isCaseSensitive)
    {
        string? generalMode = null;
        foreach (SearchCondition condition in conditions)
        {
            if (condition.Field is null && condition.Mode != SearchMatchMode.Like)
            {
                generalMode = GetWireName(condition.Mode);
            }

            if (condition.Mode == SearchMatchMode.SimilarTo && !isCaseSensitive)
            {
                throw new InvalidOperationException(
                    $"The condition {condition} needs a case-sensitive search: Logto refuses similar_to otherwise " +
                    "(\"Cannot use case-insensitive match for `similar to`\"). Call CaseSensitive() on the search, or use Posix(...) " +
                    "for a case-insensitive regular expression.");
            }
        }

        return generalMode;
    }
}
