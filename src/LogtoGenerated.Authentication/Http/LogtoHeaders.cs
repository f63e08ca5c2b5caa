namespace LogtoGenerated.Http;

/// <summary>Header names Logto uses, and reading a header from either part of a response.</summary>
internal static class LogtoHeaders
{
    public const string RequestId = "Logto-Core-Request-Id";
    public const string TotalNumber = "Total-Number";
    public const string TotalNumberIsCapped = "Total-Number-Is-Capped";

    /// <summary>The response's <c>Logto-Core-Request-Id</c> (which Logto's logs are searched by); <see langword="null"/> when absent.</summary>
    public static string? GetRequestId(HttpResponseMessage response) => Get(response, RequestId);

    /// <summary>A response or content header's values joined by <c>", "</c>; <see langword="null"/> when absent.</summary>
    public static string? Get(HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out var values)
            || response.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            return values.Count == 1 ? values.ToString() : string.Join(", ", values);
        }

        return null;
    }
}
