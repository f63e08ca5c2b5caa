namespace LogtoGenerated.Http;

/// <summary>
/// A response body handed to the caller: reads from the content stream, and disposes the response (releasing its
/// connection) when it is disposed.
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly Stream _body;
    private readonly HttpResponseMessage _response;
    private bool _disposed;

    public ResponseStream(Stream body, HttpResponseMessage response)
    {
        _body = body;
        _response = response;
    }

    public override bool CanRead => !_disposed && _body.CanRead;

    public override bool CanSeek => !_disposed && _body.CanSeek;

    public override bool CanWrite => false;

    public override long Length => Body.Length;

    public override long Position
    {
        get => Body.Position;
        set => Body.Position = value;
    }

    /// <summary>The content stream, while this stream is not disposed.</summary>
    private Stream Body
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _body;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Body.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => Body.Read(buffer);

    public override int ReadByte() => Body.ReadByte();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Body.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Body.ReadAsync(buffer, cancellationToken);

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        Body.CopyToAsync(destination, bufferSize, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => Body.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("The response body is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The response body is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
