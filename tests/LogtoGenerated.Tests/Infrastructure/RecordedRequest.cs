using System.Text;

namespace LogtoGenerated.Tests.Infrastructure;

/// <summary>One request that reached <see cref="FakeLogtoServer"/>, exactly as it arrived.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        RawTarget = rawTarget;
        int question = rawTarget.IndexOf('?');
        Path = question < 0 ? rawTarget : rawTarget[..question];
        QueryString = question < 0 ? "" : rawTarget[(question + 1)..];
        Headers = headers;
        Body = body;
    }

    /// <summary>The method, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The request target as sent on the wire, for example <c>/api/users/u%201?page=2</c>.</summary>
    public string RawTarget { get; }

    /// <summary>The path as sent on the wire (still escaped), for example <c>/api/users/u%201</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string without the leading <c>?</c>; empty when there is none.</summary>
    public string QueryString { get; }

    /// <summary>The request headers, names case-insensitive; repeated headers joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes (empty when there is none).</summary>
    public byte[] Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The <c>Content-Type</c> header, or <see langword="null"/>.</summary>
    public string? ContentType => GetHeader("Content-Type");

    /// <summary>A header's value, or <see langword="null"/> when it was not sent.</summary>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {RawTarget}";
}
