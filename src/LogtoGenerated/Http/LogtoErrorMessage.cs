using System.Text;
using System.Text.Json;

namespace LogtoGenerated.Http;

/// <summary>
/// Writes the message of a <see cref="LogtoApiException"/>: one line naming the operation, the status, Logto's error
/// and the request id. Never quotes request headers (so no token), nor more of an error's <c>data</c> than its code.
/// </summary>
internal static class LogtoErrorMessage
{
    private const int MaxBodyInMessage = 500;

    /// <summary>The message for an unsuccessful response.</summary>
    public static string ForFailure(RequestInformation request, HttpResponseMessage response, LogtoErrorBody? error, string? rawBody, string? requestId)
    {
        var message = new StringBuilder();
        AppendOperation(message, request).Append(" failed with ");
        AppendStatus(message, (int)response.StatusCode, response.ReasonPhrase);
        if (error is { HasError: true })
        {
            message.Append(": ");
            AppendError(message, error.Code, error.Message, error.Details);
            AppendDataCode(message, error.Data);
        }
        else if (string.IsNullOrWhiteSpace(rawBody))
        {
            message.Append(rawBody is null ? " (the body could not be read)" : " and an empty body");
        }
        else if (!string.Equals(rawBody.Trim(), response.ReasonPhrase, StringComparison.OrdinalIgnoreCase))
        {
            message.Append(": ");
            AppendSnippet(message, rawBody);
        }

        AppendRequestId(message, requestId);
        return message.ToString();
    }

    /// <summary>The message for a successful response whose body is not the documented type.</summary>
    public static string ForUnreadableBody(RequestInformation request, HttpResponseMessage response, string problem, string? requestId)
    {
        var message = new StringBuilder();
        AppendOperation(message, request).Append(" returned ");
        AppendStatus(message, (int)response.StatusCode, response.ReasonPhrase);
        message.Append(", but ").Append(problem);
        AppendRequestId(message, requestId);
        return message.ToString();
    }

    private static StringBuilder AppendOperation(StringBuilder message, RequestInformation request)
    {
        message.Append(request.Method.Method).Append(' ').Append(request.PathTemplate);
        if (request.OperationId.Length > 0)
        {
            message.Append(" (").Append(request.OperationId).Append(')');
        }

        return message;
    }

    private static void AppendStatus(StringBuilder message, int statusCode, string? reasonPhrase)
    {
        message.Append(statusCode);
        if (!string.IsNullOrEmpty(reasonPhrase))
        {
            message.Append(' ').Append(reasonPhrase);
        }
    }

    private static void AppendError(StringBuilder message, string? code, string? errorMessage, string? details)
    {
        if (code is not null)
        {
            message.Append(code);
            if (errorMessage is not null)
            {
                message.Append(": ");
            }
        }

        if (errorMessage is not null)
        {
            message.Append(errorMessage);
        }

        if (!string.IsNullOrEmpty(details) && details != errorMessage)
        {
            char last = message[message.Length - 1];
            message.Append(last is '.' or '!' or '?' ? " " : ". ");
            AppendSnippet(message, details);
        }
    }

    // Logto passes the reason of some errors in data, for example why a token was refused:
    // {"code":"ERR_JWT_CLAIM_VALIDATION_FAILED","claim":"aud",...}. Only these two strings are quoted, never the
    // rest of data (it can hold the token's claims).
    private static void AppendDataCode(StringBuilder message, JsonElement? errorData)
    {
        if (errorData is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("code", out JsonElement dataCode)
            || dataCode.ValueKind != JsonValueKind.String)
        {
            return;
        }

        message.Append(" [data.code ");
        AppendSnippet(message, dataCode.GetString()!);
        if (data.TryGetProperty("claim", out JsonElement claim) && claim.ValueKind == JsonValueKind.String)
        {
            message.Append(", data.claim ");
            AppendSnippet(message, claim.GetString()!);
        }

        message.Append(']');
    }

    private static void AppendRequestId(StringBuilder message, string? requestId)
    {
        if (requestId is not null)
        {
            message.Append(" (request id ").Append(requestId).Append(')');
        }
    }

    // Keeps the message on one line and short: bodies can be whole HTML pages.
    private static void AppendSnippet(StringBuilder message, string text)
    {
        ReadOnlySpan<char> span = text.AsSpan().Trim();
        bool cut = span.Length > MaxBodyInMessage;
        if (cut)
        {
            span = span.Slice(0, MaxBodyInMessage);
        }

        bool lastWasSpace = false;
        foreach (char c in span)
        {
            bool isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!isSpace || !lastWasSpace)
            {
                message.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        if (cut)
        {
            message.Append('…');
        }
    }
}
