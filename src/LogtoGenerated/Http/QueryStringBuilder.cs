using System.Net.Http.Headers;
using System.Text;

namespace LogtoGenerated.Http;

/// <summary>
/// An ordered list of <c>name=value</c> pairs for a query string or an
/// <c>application/x-www-form-urlencoded</c> body. Names and values are escaped with
/// <see cref="Uri.EscapeDataString(string)"/> when the string is built.
/// </summary>
/// <remarks>Values are formatted with the invariant culture. Adding a <see langword="null"/> value adds nothing.</remarks>
public sealed class QueryStringBuilder
{
    private readonly List<KeyValuePair<string, string>> _pairs = new();

    /// <summary>The number of pairs added so far.</summary>
    public int Count => _pairs.Count;

    /// <summary>The pairs added so far, unescaped, in order.</summary>
    internal List<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Adds <c>name=value</c>; does nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The value, sent as is (then escaped).</param>
    public void Add(string name, string? value)
    {
        ValidateName(name);
        if (value is not null)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Adds <c>name=value</c> in the invariant culture; does nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, int? value)
    {
        ValidateName(name);
        if (value.HasValue)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(value.GetValueOrDefault())));
        }
    }

    /// <summary>Adds <c>name=value</c> in the invariant culture; does nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, long? value)
    {
        ValidateName(name);
        if (value.HasValue)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(value.GetValueOrDefault())));
        }
    }

    /// <summary>
    /// Adds <c>name=value</c> in the invariant culture with round-trip precision (<c>"R"</c>); does nothing
    /// when <paramref name="value"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, double? value)
    {
        ValidateName(name);
        if (value.HasValue)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(value.GetValueOrDefault())));
        }
    }

    /// <summary>Adds <c>name=true</c> or <c>name=false</c>; does nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, bool? value)
    {
        ValidateName(name);
        if (value.HasValue)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(value.GetValueOrDefault())));
        }
    }

    /// <summary>
    /// Adds <c>name=value</c> as ISO 8601 (<c>"O"</c>, for example <c>2026-11-21T07:46:52.0000000+00:00</c>);
    /// does nothing when <paramref name="value"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, DateTimeOffset? value)
    {
        ValidateName(name);
        if (value.HasValue)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(value.GetValueOrDefault())));
        }
    }

    /// <summary>
    /// Adds <c>name=true</c> when <paramref name="value"/> is <see langword="true"/>, and nothing otherwise: a flag Logto
    /// reads as a truthy string, where the parameter being absent means false and some routes take any value,
    /// <c>false</c> included, as true.
    /// </summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The flag.</param>
    internal void AddFlag(string name, bool? value)
    {
        ValidateName(name);
        if (value == true)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(true)));
        }
    }

    /// <summary>
    /// Adds <c>name=value</c> with the value as Logto's timestamps are written: the whole number of milliseconds since
    /// 1970-01-01T00:00:00Z (for example <c>1763711212000</c>); does nothing when <paramref name="value"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="value">The point in time.</param>
    internal void AddEpochMilliseconds(string name, DateTimeOffset? value)
    {
        ValidateName(name);
        if (value.HasValue)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.FormatEpochMilliseconds(value.GetValueOrDefault())));
        }
    }

    /// <summary>
    /// Adds one <c>name=value</c> pair per value (<c>name=v1&amp;name=v2</c>), the OpenAPI
    /// <c>style=form, explode=true</c> array. Strings are sent as is, booleans as <c>true</c>/<c>false</c>,
    /// other values formatted in the invariant culture; <see langword="null"/> items are skipped.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The parameter name, as the API spells it.</param>
    /// <param name="values">The values; <see langword="null"/> adds nothing.</param>
    public void AddEach<T>(string name, IEnumerable<T>? values)
    {
        ValidateName(name);
        if (values is null)
        {
            return;
        }

        foreach (T value in values)
        {
            if (value is not null)
            {
                _pairs.Add(new KeyValuePair<string, string>(name, ParameterFormatter.Format(value)));
            }
        }
    }

    /// <summary>
    /// Adds every entry as its own parameter, in the collection's order: the OpenAPI
    /// <c>style=form, explode=true</c> object (<c>{"a":"1","b":"2"}</c> becomes <c>a=1&amp;b=2</c>).
    /// </summary>
    /// <param name="values">The entries; <see langword="null"/> adds nothing, and entries with a <see langword="null"/> value are skipped.</param>
    public void AddExploded(IEnumerable<KeyValuePair<string, string>>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (KeyValuePair<string, string> pair in values)
        {
            ValidateName(pair.Key, nameof(values));
            if (pair.Value is not null)
            {
                _pairs.Add(pair);
            }
        }
    }

    /// <summary>Returns the escaped pairs joined with <c>&amp;</c>, without a leading <c>?</c>; empty when there are none.</summary>
    /// <returns>For example <c>page=1&amp;search=a%20b</c>.</returns>
    public override string ToString()
    {
        List<KeyValuePair<string, string>> pairs = _pairs;
        if (pairs.Count == 0)
        {
            return string.Empty;
        }

        if (pairs.Count == 1)
        {
            return string.Concat(Uri.EscapeDataString(pairs[0].Key), "=", Uri.EscapeDataString(pairs[0].Value));
        }

        var builder = new StringBuilder();
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(pairs[i].Key)).Append('=').Append(Uri.EscapeDataString(pairs[i].Value));
        }

        return builder.ToString();
    }

    /// <summary>Creates an <c>application/x-www-form-urlencoded</c> body holding the same pairs as <see cref="ToString"/>.</summary>
    /// <returns>A new content object; the request that sends it disposes it.</returns>
    public HttpContent ToFormContent()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static void ValidateName(string name, string parameterName = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A query parameter name must not be null or empty.", parameterName);
        }
    }
}
