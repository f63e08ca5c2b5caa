using System.Text;
using Humanizer;

namespace LogtoGenerated.Generator.Naming;

/// <summary>Turns wire names (<c>page_size</c>, <c>sign-in-exp</c>, <c>[translationKey]</c>) into C# identifiers.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Splits a wire name into words at separators and at lower-to-upper case changes.</summary>
    public static IReadOnlyList<string> Words(string wireName)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < wireName.Length; i++)
        {
            var c = wireName[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var boundary = current.Length > 0 && char.IsUpper(c) && (char.IsLower(wireName[i - 1]) || char.IsDigit(wireName[i - 1]));
            if (boundary)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary><c>page_size</c> becomes <c>PageSize</c>; acronyms keep their case (<c>SAMLRequest</c>).</summary>
    public static string Pascal(string wireName)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(wireName))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        if (builder.Length == 0)
        {
            builder.Append("Value");
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>A camelCase parameter name, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string Camel(string wireName)
    {
        var pascal = Pascal(wireName);
        var leadingUpper = 0;
        while (leadingUpper < pascal.Length && char.IsUpper(pascal[leadingUpper]))
        {
            leadingUpper++;
        }

        // "SAMLRequest" -> "samlRequest", "Id" -> "id", "URL" -> "url".
        var lower = leadingUpper <= 1 || leadingUpper == pascal.Length ? leadingUpper : leadingUpper - 1;
        var camel = pascal[..lower].ToLowerInvariant() + pascal[lower..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>The singular of the last word of a PascalCase name: <c>UserIdentities</c> becomes <c>UserIdentity</c>.</summary>
    public static string Singular(string pascalName)
    {
        var words = Words(pascalName);
        if (words.Count == 0)
        {
            return pascalName;
        }

        var last = words[^1];
        var singular = last.Singularize(inputIsKnownToBePlural: false);
        if (singular.Length == 0 || string.Equals(singular, last, StringComparison.Ordinal))
        {
            return pascalName;
        }

        return pascalName[..^last.Length] + char.ToUpperInvariant(singular[0]) + singular[1..];
    }

    /// <summary>True when a camelCase wire name has two or more words, so it names a thing on its own (<c>customDomains</c>).</summary>
    public static bool IsCompound(string wireName) => Words(wireName).Count >= 2;

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string XmlEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Escapes text for a C# regular string literal.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
