using System.Net;
using System.Net.Http.Headers;

namespace LogtoGenerated.Http;

/// <summary>
/// Streams a <see cref="FileUpload"/> without taking ownership: unlike <see cref="StreamContent"/>,
/// disposing it leaves the caller's stream open. A seekable stream is rewound to where it was when the
/// request was built before each send, so a retry sends the same bytes.
/// </summary>
internal sealed class FileUploadContent : HttpContent
{
    private readonly Stream _stream;
    private readonly long _start;

    public FileUploadContent(FileUpload file, string contentDisposition)
    {
        _stream = file.Content;
        _start = _stream.CanSeek ? _stream.Position : -1;
        Headers.TryAddWithoutValidation("Content-Disposition", contentDisposition);
        Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
    }

    public bool CanReplay => _start >= 0;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        Rewind().CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Rewind().CopyToAsync(stream, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Rewind().CopyTo(stream);

    private Stream Rewind()
    {
        if (_start >= 0)
        {
            _stream.Position = _start;
        }

        return _stream;
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_start >= 0)
        {
            length = _stream.Length - _start;
            return true;
        }

        length = 0;
        return false;
    }
}
