using System.Text;

namespace LogtoGenerated.Search;

/// <summary>
/// One condition of a <see cref="LogtoSearch"/>: a field (or every searchable field), a match mode and the
/// value(s) it is compared with. Made by the methods of <see cref="SearchConditionBuilder"/>; immutable.
/// </summary>
public sealed class SearchCondition
{
    private readonly string[] _values;

    internal SearchCondition(string? field, SearchMatchMode mode, string[] values)
    {
        Field = field;
        Mode = mode;
        _values = values;
    }

    /// <summary>
    /// The field, as sent in <c>search.&lt;field&gt;</c>, for example <c>primaryEmail</c>;
    /// <see langword="null"/> when the condition matches any of the resource's searchable fields (<c>search</c>).
    /// </summary>
    public string? Field { get; }

    /// <summary>How the field is compared with <see cref="Values"/>.</summary>
    public SearchMatchMode Mode { get; }

    /// <summary>
    /// The values as sent, wildcards included (for example <c>%ada%</c>). More than one only in
    /// <see cref="SearchMatchMode.Exact"/> mode, where the field must equal any of them.
    /// </summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Describes the condition, for example <c>primaryEmail like "%@example.com"</c>.</summary>
    /// <returns>The field (or <c>any field</c>), Logto's name of the mode, and the quoted values joined by <c>|</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Field ?? "any field").Append(' ').Append(LogtoSearch.GetWireName(Mode)).Append(' ');
        for (int i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(" | ");
            }

            text.Append('"').Append(_values[i]).Append('"');
        }

        return text.ToString();
    }
}
