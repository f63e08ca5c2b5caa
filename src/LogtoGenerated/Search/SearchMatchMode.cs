namespace LogtoGenerated.Search;

/// <summary>
/// How a <see cref="LogtoSearch"/> condition compares a field with its value: Logto's <c>mode</c> and
/// <c>mode.&lt;field&gt;</c> query parameters.
/// </summary>
public enum SearchMatchMode
{
    /// <summary>
    /// <c>like</c>, Logto's default: SQL <c>LIKE</c> (<c>ILIKE</c> unless the search is case-sensitive). In the
    /// pattern <c>%</c> matches any run of characters, <c>_</c> one character and <c>\</c> escapes the next one;
    /// a pattern without wildcards must match the whole field.
    /// </summary>
    Like,

    /// <summary>
    /// <c>exact</c>: equality with one of the values. Unless the search is case-sensitive, Logto lower-cases both
    /// the field and the values. The only mode that takes several values for one field.
    /// </summary>
    Exact,

    /// <summary>
    /// <c>similar_to</c>: SQL <c>SIMILAR TO</c>, a <c>LIKE</c> pattern with regular-expression operators
    /// (<c>|</c>, <c>*</c>, <c>+</c>, <c>( )</c>, <c>[ ]</c>). Logto allows it only in a case-sensitive search.
    /// </summary>
    SimilarTo,

    /// <summary>
    /// <c>posix</c>: a POSIX regular expression (PostgreSQL <c>~</c>, or <c>~*</c> unless the search is
    /// case-sensitive) that matches anywhere in the field unless anchored with <c>^</c> and <c>$</c>.
    /// </summary>
    Posix,
}

/// <summary>How Logto joins the conditions of one <see cref="LogtoSearch"/>: its <c>joint</c> query parameter.</summary>
public enum SearchJoint
{
    /// <summary><c>or</c>, Logto's default: an item matches when any condition matches.</summary>
    Or,

    /// <summary><c>and</c>: an item matches when every condition matches.</summary>
    And,
}
