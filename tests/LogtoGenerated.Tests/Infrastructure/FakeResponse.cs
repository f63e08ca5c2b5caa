using System.Text;

namespace LogtoGenerated.Tests.Infrastructure;

/// <summary>What <see cref="FakeLogtoServer"/> answers: status, headers (a name may repeat) and body.</summary>
public sealed record FakeResponse(
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string? ReasonPhrase = null)
{
    /// <summary>A JSON response (<c>application/json; charset=utf-8</c>), with a Logto request id like Logto sends.</summary>
    public static FakeResponse Json(int statusCode, string json) =>
        new(statusCode, LogtoHeaders("application/json; charset=utf-8"), Encoding.UTF8.GetBytes(json));

    /// <summary>A text response with the given media type.</summary>
    public static FakeResponse Text(int statusCode, string text, string contentType = "text/plain; charset=utf-8") =>
        new(statusCode, LogtoHeaders(contentType), Encoding.UTF8.GetBytes(text));

    /// <summary>A response without a body, for example 204.</summary>
    public static FakeResponse Empty(int statusCode = 204) => new(statusCode, LogtoHeaders(null), []);

    /// <summary>No response at all: the server drops the connection, which the client sees as a connection failure.</summary>
    public static FakeResponse DropConnection() => new(0, [], []) { DropsConnection = true };

    /// <summary>Whether the server drops the connection instead of answering.</summary>
    public bool DropsConnection { get; init; }

    /// <summary>Replays a recording of a real Logto server: its status, reason phrase, headers and exact body.</summary>
    public static FakeResponse FromRecording(WireRecording recording) =>
        new(recording.StatusCode, recording.Headers, recording.Body, recording.ReasonPhrase);

    /// <summary>Replays the recording <paramref name="fileName"/> from <c>Fixtures/logto-wire/</c>.</summary>
    public static FakeResponse FromRecording(string fileName) => FromRecording(WireRecording.Load(fileName));

    /// <summary>A responder answering with <paramref name="responses"/> in turn; the last one answers every further request.</summary>
    public static Func<RecordedRequest, FakeResponse> InTurn(params FakeResponse[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        int turn = 0;
        return _ => responses[Math.Min(Interlocked.Increment(ref turn) - 1, responses.Length - 1)];
    }

    /// <summary>This response with one more header.</summary>
    public FakeResponse WithHeader(string name, string value) =>
        this with { Headers = [.. Headers, new KeyValuePair<string, string>(name, value)] };

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    private static List<KeyValuePair<string, string>> LogtoHeaders(string? contentType)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Logto-Core-Request-Id", "fake-" + Guid.NewGuid().ToString("N")[..12]),
        };
        if (contentType is not null)
        {
            headers.Add(new("Content-Type", contentType));
        }

        return headers;
    }
}
