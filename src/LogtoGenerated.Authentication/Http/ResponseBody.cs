using System.Buffers;
using System.Text;

namespace LogtoGenerated.Http;

/// <summary>
/// The one place that reads the start of a response body (error reports, token responses) within a limit; header
/// values are read by <see cref="LogtoHeaders"/>.
/// </summary>
internal sealed class ResponseBody
{
    /// <summary>At most this many bytes of a body are read.</summary>
    public const int MaxBytes = 64 * 1024;

    private ResponseBody(byte[]? bytes, bool isTruncated)
    {
        Bytes = bytes;
        IsTruncated = isTruncated;
    }

    /// <summary>The bytes read (at most <see cref="MaxBytes"/>); <see langword="null"/> when the body could not be read.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Whether the body is longer than <see cref="MaxBytes"/>, so that <see cref="Bytes"/> holds only its start.</summary>
    public bool IsTruncated { get; }

    /// <summary>
    /// Reads at most <see cref="MaxBytes"/> of the body, leaving the rest unread. A body that fails to arrive
    /// (a connection reset mid-body) gives <see cref="Bytes"/> <see langword="null"/>; cancellation still throws.
    /// </summary>
    public static async Task<ResponseBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // One byte more than the limit tells a longer body. The pooled buffer is cleared: a token response holds a token.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            int length = 0;
            Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length <= MaxBytes)
                {
                    int read = await stream.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            return length > MaxBytes
                ? new ResponseBody(buffer.AsSpan(0, MaxBytes).ToArray(), isTruncated: true)
                : new ResponseBody(buffer.AsSpan(0, length).ToArray(), isTruncated: false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return new ResponseBody(null, isTruncated: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>The body as text in the response's charset (UTF-8 when it names none or one .NET does not know).</summary>
    public string? GetText(HttpResponseMessage response) =>
        Bytes is null ? null : GetEncoding(response).GetString(Bytes);

    private static Encoding GetEncoding(HttpResponseMessage response)
    {
        string? charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                // Unknown charset: UTF-8 is what Logto sends anyway.
            }
        }

        return Encoding.UTF8;
    }
}
