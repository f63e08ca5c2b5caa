using System.Text.Json;

namespace LogtoGenerated.Http;

/// <summary>Logto's JSON error body, <c>{"code": ..., "message": ..., "details": ..., "data": ...}</c>, parsed leniently.</summary>
internal sealed class LogtoErrorBody
{
    public string? Code { get; private init; }

    public string? Message { get; private init; }

    public string? Details { get; private init; }

    /// <summary>The <c>data</c> member, cloned out of the parsed document.</summary>
    public JsonElement? Data { get; private init; }

    /// <summary>Whether the body names a code or a message, which the exception's message then quotes.</summary>
    public bool HasError => Code is not null || Message is not null;

    /// <summary>Parses a body that is a JSON object (after an optional UTF-8 byte order mark); <see langword="null"/> otherwise.</summary>
    public static LogtoErrorBody? TryParse(ReadOnlyMemory<byte> body)
    {
        if (body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body.Slice(3);
        }

        ReadOnlySpan<byte> start = body.Span.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || start[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            return new LogtoErrorBody
            {
                Code = GetString(root, "code"),
                Message = GetString(root, "message"),
                Details = GetString(root, "details"),
                Data = root.TryGetProperty("data", out JsonElement data) ? data.Clone() : null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A member as text: a string as is, another value as its JSON, <c>null</c> or absent as <see langword="null"/>.</summary>
    private static string? GetString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }
}
