namespace LogtoGenerated.Http;

/// <summary>A file part of a <c>multipart/form-data</c> body, such as an uploaded image.</summary>
/// <remarks>
/// The stream is read from its current position when the request is sent. The caller keeps ownership:
/// the client does not dispose it.
/// </remarks>
public sealed class FileUpload
{
    /// <summary>Creates a file part.</summary>
    /// <param name="content">The file's bytes; must be readable.</param>
    /// <param name="fileName">The file name sent to the server, for example <c>avatar.png</c>.</param>
    /// <param name="contentType">The file's media type, for example <c>image/png</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream is not readable, or a name or type is empty or malformed.</exception>
    public FileUpload(Stream content, string fileName, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(contentType);
        if (!content.CanRead)
        {
            throw new ArgumentException("The file content stream must be readable.", nameof(content));
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("The file name must not be empty; pass a name such as \"avatar.png\".", nameof(fileName));
        }

        if (fileName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The file name must not contain line breaks.", nameof(fileName));
        }

        if (!System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out _) || contentType.Contains(','))
        {
            throw new ArgumentException(
                "The content type must be one media type such as \"image/png\" or \"application/octet-stream\".",
                nameof(contentType));
        }

        Content = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent to the server.</summary>
    public string FileName { get; }

    /// <summary>The file's media type.</summary>
    public string ContentType { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{FileName} ({ContentType})";
}
