using System.Globalization;

namespace LogtoGenerated.Http;

/// <summary>Formats parameter values the same way for query strings, forms and multipart text parts.</summary>
internal static class ParameterFormatter
{
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    // "R" keeps every digit, so the server reads back exactly the value that was sent.
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    // Logto's timestamps: the whole number of milliseconds since 1970-01-01T00:00:00Z, as in its JSON bodies.
    public static string FormatEpochMilliseconds(DateTimeOffset value) =>
        value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => Format(b),
        double d => Format(d),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset dto => Format(dto),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
