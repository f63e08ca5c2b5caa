using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>Reads an OpenAPI document, turning reader errors into <see cref="GeneratorException"/>s with JSON pointers.</summary>
internal static class DocumentLoader
{
    public static OpenApiDocument Load(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        ReadResult result;
        try
        {
            result = OpenApiDocument.Load(buffer, "json", new OpenApiReaderSettings());
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or OpenApiException or FormatException)
        {
            throw new GeneratorException("#", "the document is not valid JSON or OpenAPI: " + exception.Message);
        }

        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            var first = errors[0];
            var more = errors.Count > 1 ? $" ({errors.Count - 1} more error(s))" : "";
            // The reader reports JSON syntax errors at "#line=N" (the line is in the message): not a JSON pointer.
            var pointer = first.Pointer is { } p && (p == "#" || p.StartsWith("#/", StringComparison.Ordinal)) ? p : "#";
            throw new GeneratorException(pointer, first.Message + more);
        }

        return result.Document ?? throw new GeneratorException("#", "the document could not be read as OpenAPI 3.");
    }
}
