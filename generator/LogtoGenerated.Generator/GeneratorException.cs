namespace LogtoGenerated.Generator;

/// <summary>The input document is malformed or uses something the generator does not support.</summary>
/// <param name="pointer">The JSON pointer of the offending part of the document.</param>
/// <param name="message">What is wrong and, where possible, how to fix it.</param>
internal sealed class GeneratorException(string pointer, string message)
    : Exception($"{pointer}: {message}")
{
    /// <summary>The JSON pointer of the offending part of the document, e.g. <c>#/paths/~1api~1users/get</c>.</summary>
    public string Pointer { get; } = pointer;

    /// <summary>Escapes one reference token of a JSON pointer (RFC 6901).</summary>
    public static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
