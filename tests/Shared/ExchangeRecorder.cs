namespace LogtoGenerated.TestShared;

/// <summary>One HTTP exchange as it went over the wire.</summary>
internal sealed record Exchange(string Method, Uri RequestUri, string? RequestContentType, string? RequestBody, int Status, string? ResponseContentType, string ResponseBody);

/// <summary>
/// Sits under the client's <see cref="HttpClient"/> and records every exchange into the <see cref="Recording"/> of
/// the calling flow (an <see cref="AsyncLocal{T}"/>, so concurrent calls keep theirs apart). Response bodies are
/// buffered, so the client still reads them in full.
/// </summary>
internal sealed class ExchangeRecorder : DelegatingHandler
{
    private static readonly AsyncLocal<List<Exchange>?> Current = new();

    public ExchangeRecorder()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
    {
    }

    /// <summary>Starts recording the exchanges of the current flow (and of the flows it starts) into a new list.</summary>
    public static List<Exchange> Record() => Current.Value = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recording = Current.Value;
        string? requestBody = null;
        if (recording is not null && request.Content is { } content && content is not MultipartContent)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            requestBody = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (recording is not null)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            lock (recording)
            {
                recording.Add(new Exchange(
                    request.Method.Method,
                    request.RequestUri!,
                    request.Content?.Headers.ContentType?.ToString(),
                    requestBody,
                    (int)response.StatusCode,
                    response.Content.Headers.ContentType?.ToString(),
                    body));
            }
        }

        return response;
    }
}
