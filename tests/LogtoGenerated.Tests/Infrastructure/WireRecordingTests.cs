namespace LogtoGenerated.Tests.Infrastructure;

public class WireRecordingTests
{
    public static TheoryData<string> AllRecordings => new(WireRecording.AllFileNames());

    [Fact]
    public void Parses_title_curl_status_headers_and_exact_body()
    {
        WireRecording recording = WireRecording.Load("30-users-404.txt");

        Assert.Equal("30-users-404: GET /api/users/doesnotexist", recording.Title);
        Assert.StartsWith("curl http://localhost:3001/api/users/doesnotexist", recording.CurlCommand);
        Assert.Equal("GET", recording.RequestMethod);
        Assert.Equal("/api/users/doesnotexist", recording.RequestUrl.AbsolutePath);
        Assert.Equal(404, recording.StatusCode);
        Assert.Equal("Not Found", recording.ReasonPhrase);
        Assert.Equal("gItYt8rU-IDdfhnK", recording.GetHeader("logto-core-request-id"));
        Assert.Equal(16, recording.Headers.Count);
        Assert.Equal("{\"code\":\"entity.not_found\",\"message\":\"The resource does not exist.\"}", recording.BodyText);
        Assert.Equal(68, recording.Body.Length);
    }

    [Fact]
    public void Parses_method_and_query_of_the_curl_command()
    {
        Assert.Equal("POST", WireRecording.Load("33-users-400-bad-email.txt").RequestMethod);
        Assert.Equal("?page=1&page_size=1000", WireRecording.Load("39-users-400-pagesize.txt").RequestUrl.Query);
    }

    [Fact]
    public void Parses_lf_only_line_endings_like_crlf()
    {
        string crlf = File.ReadAllText(Path.Combine(WireRecording.FixturesDirectory, "32-route-404.txt"));
        WireRecording fromLf = WireRecording.Parse(crlf.Replace("\r\n", "\n"), "lf");

        Assert.Equal("Not Found", fromLf.BodyText);
        Assert.Equal("text/plain; charset=utf-8", fromLf.GetHeader("Content-Type"));
    }

    [Theory]
    [MemberData(nameof(AllRecordings))]
    public void Every_recording_parses_and_its_body_is_one_line(string file)
    {
        WireRecording recording = WireRecording.Load(file);

        Assert.InRange(recording.StatusCode, 200, 599);
        Assert.NotNull(recording.GetHeader("Logto-Core-Request-Id"));
        Assert.NotEmpty(recording.BodyText);
        Assert.DoesNotContain('\n', recording.BodyText);
    }

    [Fact]
    public void Malformed_text_throws_FormatException_naming_the_file()
    {
        FormatException e = Assert.Throws<FormatException>(() => WireRecording.Parse("not a recording", "x.txt"));
        Assert.Contains("x.txt", e.Message);
    }
}
