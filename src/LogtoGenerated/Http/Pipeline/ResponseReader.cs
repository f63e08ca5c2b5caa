namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// Stage 6: reads the final response of a call into what the public send method returns. The send methods of
/// <see cref="LogtoRequestAdapter"/> share one path and differ only in their reader.
/// </summary>
/// <typeparam name="T">What the reader returns.</typeparam>
internal abstract class ResponseReader<T>
{
    /// <summary>The <c>Accept</c> header sent unless the request sets its own; <see langword="null"/> for none.</summary>
    public virtual string? DefaultAccept => null;

    /// <summary>Whether the reader hands the response on (a stream) instead of letting the pipeline dispose it.</summary>
    public virtual bool KeepsResponse => false;

    /// <summary>Whether the status counts as success; any other is a <see cref="LogtoApiException"/>. 2xx unless a reader says otherwise.</summary>
    public virtual bool IsSuccess(HttpResponseMessage response) => response.IsSuccessStatusCode;

    /// <summary>Reads a successful response.</summary>
    public abstract ValueTask<T> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken);
}

/// <summary>For responses without a body the caller needs: any status below 400 is success (204, a 200 whose body is ignored, a documented 3xx).</summary>
internal sealed class NoContentResponseReader : ResponseReader<object?>
{
    public static NoContentResponseReader Instance { get; } = new();

    public override bool IsSuccess(HttpResponseMessage response) => (int)response.StatusCode < 400;

    // Disposing the response drains or discards the unread body.
    public override ValueTask<object?> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken) => default;
}

/// <summary>Reads the body as a string (empty when there is none).</summary>
internal sealed class StringResponseReader : ResponseReader<string>
{
    public static StringResponseReader Instance { get; } = new();

    public override ValueTask<string> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(response.Content.ReadAsStringAsync(cancellationToken));
}

/// <summary>Hands the body over unbuffered, as a stream that releases the response when it is disposed.</summary>
internal sealed class StreamResponseReader : ResponseReader<Stream>
{
    public static StreamResponseReader Instance { get; } = new();

    public override bool KeepsResponse => true;

    public override async ValueTask<Stream> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseStream(body, response);
    }
}
