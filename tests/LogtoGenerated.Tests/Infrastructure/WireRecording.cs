using System.Text;

namespace LogtoGenerated.Tests.Infrastructure;

/// <summary>
/// One recorded HTTP exchange with a real Logto server, from <c>Fixtures/logto-wire/*.txt</c>:
/// a <c>### title</c> line, a <c>$ curl ...</c> line, a blank line, the status line, header lines,
/// a blank line and the body.
/// </summary>
public sealed class WireRecording
{
    /// <summary>The folder the recordings are copied to next to the test assembly.</summary>
    public static string FixturesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "logto-wire");

    private WireRecording(
        string fileName,
        string title,
        string curlCommand,
        int statusCode,
        string reasonPhrase,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string body)
    {
        FileName = fileName;
        Title = title;
        CurlCommand = curlCommand;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        BodyText = body;
        Body = Encoding.UTF8.GetBytes(body);
        (RequestMethod, RequestUrl) = ParseCurl(curlCommand);
    }

    /// <summary>The file the recording came from, for example <c>30-users-404.txt</c>.</summary>
    public string FileName { get; }

    /// <summary>The title line without <c>### </c>.</summary>
    public string Title { get; }

    /// <summary>The curl command line without <c>$ </c>.</summary>
    public string CurlCommand { get; }

    /// <summary>The request method the curl command used (<c>GET</c> unless <c>-X</c> said otherwise).</summary>
    public string RequestMethod { get; }

    /// <summary>The URL the curl command requested.</summary>
    public Uri RequestUrl { get; }

    /// <summary>The response status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response reason phrase, for example <c>Not Found</c>.</summary>
    public string ReasonPhrase { get; }

    /// <summary>The response headers in recorded order (a name may repeat).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The response body as text.</summary>
    public string BodyText { get; }

    /// <summary>The response body as UTF-8 bytes.</summary>
    public byte[] Body { get; }

    /// <summary>The first value of a response header, or <see langword="null"/>.</summary>
    public string? GetHeader(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Loads a recording by file name from <see cref="FixturesDirectory"/>.</summary>
    public static WireRecording Load(string fileName) =>
        Parse(File.ReadAllText(Path.Combine(FixturesDirectory, fileName), Encoding.UTF8), fileName);

    /// <summary>Every recording in <see cref="FixturesDirectory"/>, by file name.</summary>
    public static IEnumerable<string> AllFileNames() =>
        Directory.EnumerateFiles(FixturesDirectory, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Parses the text of a recording. Accepts CRLF and LF line endings (git may normalize them).</summary>
    public static WireRecording Parse(string text, string fileName = "")
    {
        var reader = new LineReader(text);
        string title = reader.Next() ?? throw Malformed(fileName, "it is empty");
        if (!title.StartsWith("### ", StringComparison.Ordinal))
        {
            throw Malformed(fileName, "the first line does not start with '### '");
        }

        string curl = reader.Next() ?? throw Malformed(fileName, "the curl line is missing");
        if (!curl.StartsWith("$ curl ", StringComparison.Ordinal))
        {
            throw Malformed(fileName, "the second line does not start with '$ curl '");
        }

        if (reader.Next() is not "")
        {
            throw Malformed(fileName, "the line after the curl command is not blank");
        }

        string statusLine = reader.Next() ?? throw Malformed(fileName, "the status line is missing");
        string[] status = statusLine.Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], out int statusCode))
        {
            throw Malformed(fileName, $"'{statusLine}' is not a status line");
        }

        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            string line = reader.Next() ?? throw Malformed(fileName, "the blank line after the headers is missing");
            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw Malformed(fileName, $"'{line}' is not a header line");
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        // The recorder appended a line break and a blank line after the body; they are not part of it.
        // Content-Length is not used: ids and tokens were replaced after recording, so some lengths no longer match.
        string body = reader.Rest().TrimEnd('\r', '\n');
        return new WireRecording(
            fileName, title[4..], curl[2..], statusCode, status.Length > 2 ? status[2] : "", headers, body);
    }

    private static (string Method, Uri Url) ParseCurl(string curl)
    {
        string[] words = curl.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string method = "GET";
        Uri? url = null;
        for (int i = 1; i < words.Length; i++)
        {
            if (words[i] == "-X" && i + 1 < words.Length)
            {
                method = words[++i];
            }
            else if (url is null && (words[i].StartsWith("http://", StringComparison.Ordinal) || words[i].StartsWith("https://", StringComparison.Ordinal)))
            {
                url = new Uri(words[i]);
            }
        }

        return (method, url ?? throw new FormatException($"No URL in curl command '{curl}'."));
    }

    private static FormatException Malformed(string fileName, string why) =>
        new($"Wire recording '{fileName}' is malformed: {why}.");

    private sealed class LineReader(string text)
    {
        private int _position;

        public string? Next()
        {
            if (_position >= text.Length)
            {
                return null;
            }

            int end = text.IndexOf('\n', _position);
            string line = end < 0 ? text[_position..] : text[_position..end];
            _position = end < 0 ? text.Length : end + 1;
            return line.TrimEnd('\r');
        }

        public string Rest() => _position >= text.Length ? "" : text[_position..];
    }
}
