namespace LogtoGenerated.Http.Pipeline;

/// <summary>Turns <see cref="RequestInformation"/> into the <see cref="HttpRequestMessage"/> of one attempt (a message can be sent only once).</summary>
internal static class RequestMessages
{
    private const string AcceptHeader = "Accept";

    /// <summary>A message with the request's method, URI, body and headers, and <paramref name="defaultAccept"/> unless the request sets <c>Accept</c>.</summary>
    public static HttpRequestMessage Create(RequestInformation request, Uri uri, string? defaultAccept)
    {
        var message = new HttpRequestMessage(request.Method, uri);
        HttpContent? content = request.Content;
        message.Content = content;

        Dictionary<string, string>? headers = request.HeadersOrNull;
        if (headers is not null)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                // Content headers (Content-Type, Content-Language...) belong to the content; others to the message.
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value) && content is not null)
                {
                    content.Headers.Remove(header.Key);
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        if (defaultAccept is not null && (headers is null || !headers.ContainsKey(AcceptHeader)))
        {
            message.Headers.TryAddWithoutValidation(AcceptHeader, defaultAccept);
        }

        return message;
    }
}
