namespace LogtoGenerated.Http;

/// <summary>Creates the <see cref="LogtoApiException"/> that describes a response: reads its bounded body, parses Logto's error, writes the message.</summary>
internal static class LogtoApiExceptionFactory
{
    /// <summary>Reads an unsuccessful response and creates the exception that describes it.</summary>
    public static async Task<LogtoApiException> FromResponseAsync(
        RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? requestId = LogtoHeaders.GetRequestId(response);
        ResponseBody body = await ResponseBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        string? rawBody = body.GetText(response);
        LogtoErrorBody? error = body.Bytes is { Length: > 0 } bytes && !body.IsTruncated ? LogtoErrorBody.TryParse(bytes) : null;
        return new LogtoApiException(
            LogtoErrorMessage.ForFailure(request, response, error, rawBody, requestId),
            (int)response.StatusCode, request.Method.Method, request.PathTemplate, request.OperationId,
            error?.Code, error?.Message, error?.Details, error?.Data, requestId, rawBody, CopyHeaders(response));
    }

    /// <summary>Creates the exception for a successful response whose body is not the documented type.</summary>
    public static LogtoApiException ForUnreadableBody(
        RequestInformation request, HttpResponseMessage response, string problem, Exception? innerException)
    {
        string? requestId = LogtoHeaders.GetRequestId(response);
        return new LogtoApiException(
            LogtoErrorMessage.ForUnreadableBody(request, response, problem, requestId), (int)response.StatusCode,
            request.Method.Method, request.PathTemplate, request.OperationId,
            requestId: requestId, responseHeaders: CopyHeaders(response), innerException: innerException);
    }

    private static Dictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            headers[header.Key] = new List<string>(header.Value);
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
        {
            headers[header.Key] = new List<string>(header.Value);
        }

        return headers;
    }
}
