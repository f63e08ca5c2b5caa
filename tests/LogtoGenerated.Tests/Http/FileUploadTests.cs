using LogtoGenerated.Http;

namespace LogtoGenerated.Tests.Http;

public class FileUploadTests
{
    [Fact]
    public void Keeps_its_arguments_and_defaults_to_octet_stream()
    {
        using var stream = new MemoryStream();
        var file = new FileUpload(stream, "a.bin");
        Assert.Same(stream, file.Content);
        Assert.Equal("a.bin", file.FileName);
        Assert.Equal("application/octet-stream", file.ContentType);
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        using var stream = new MemoryStream();
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => new FileUpload(null!, "a")).ParamName);
        Assert.Equal("fileName", Assert.Throws<ArgumentNullException>(() => new FileUpload(stream, null!)).ParamName);
        Assert.Equal("contentType", Assert.Throws<ArgumentNullException>(() => new FileUpload(stream, "a", null!)).ParamName);
    }

    [Fact]
    public void Rejects_an_unreadable_stream()
    {
        var stream = new MemoryStream();
        stream.Dispose();
        ArgumentException e = Assert.Throws<ArgumentException>(() => new FileUpload(stream, "a.bin"));
        Assert.Equal("content", e.ParamName);
        Assert.Contains("readable", e.Message);
    }

    [Theory]
    [InlineData(" ", "must not be empty")]
    [InlineData("a\r\nb", "line breaks")]
    public void Rejects_bad_file_names(string fileName, string expected)
    {
        using var stream = new MemoryStream();
        ArgumentException e = Assert.Throws<ArgumentException>(() => new FileUpload(stream, fileName));
        Assert.Equal("fileName", e.ParamName);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a type")]
    [InlineData("image/png, text/plain")]
    public void Rejects_malformed_content_types(string contentType)
    {
        using var stream = new MemoryStream();
        ArgumentException e = Assert.Throws<ArgumentException>(() => new FileUpload(stream, "a.png", contentType));
        Assert.Equal("contentType", e.ParamName);
        Assert.Contains("one media type", e.Message);
    }
}
