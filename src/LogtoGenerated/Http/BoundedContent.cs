namespace LogtoGenerated.Http;

/// <summary>Reads the start of a response body, up to a limit, for error reports and token responses.</summary>
internal static class BoundedContent
{
    /// <summary>Reads at most <paramref name="limit"/> bytes of <paramref name="content"/> into <paramref name="buffer"/>.</summary>
    /// <param name="content">The body.</param>
    /// <param name="buffer">Where the bytes go; at least <paramref name="limit"/> long.</param>
    /// <param name="limit">The most bytes to read; the rest of the body is left unread.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many bytes were read: fewer than <paramref name="limit"/> only when the body ended.</returns>
    public static async Task<int> ReadAsync(HttpContent content, byte[] buffer, int limit, CancellationToken cancellationToken)
    {
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int total = 0;
            while (total < limit)
            {
                int read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
