using System.Net;
using System.Net.Http.Json;

namespace LogtoGenerated.Authentication;

/// <summary>
/// The one rule for sending a request again after Logto's token was refused, applied by the Management API client,
/// <see cref="LogtoClientCredentialsHandler"/> and the Kiota package: after the first <c>401</c> to a request that carried
/// credentials, the provider drops the refused token (revoked, or expired early), and the request is sent once more with
/// a new one when its body can be sent twice.
/// </summary>
public static class LogtoTokenReplay
{
    /// <summary>
    /// Whether a body produces the same bytes when it is sent again: none, bytes (string, form, byte-array and memory contents),
    /// JSON serialized on demand, a <see cref="StreamContent"/> over a stream it can rewind, or multipart made of such
    /// parts. Any other content is not sent again.
    /// </summary>
    /// <remarks>
    /// A <see cref="StreamContent"/> knows its length only over a stream that can seek, which it rewinds before sending
    /// again; so do not set <c>Content-Length</c> yourself on one over a stream that cannot seek.
    /// </remarks>
    /// <param name="content">The request's content, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the request may be sent again.</returns>
    public static bool CanSendAgain(HttpContent? content) => CanSendAgain(content, alsoReplayable: null);

    /// <summary>
    /// <see cref="CanSendAgain(HttpContent?)"/> for a client that knows one more kind of content it can send again (the
    /// Management API client's file uploads), in multipart parts too.
    /// </summary>
    internal static bool CanSendAgain(HttpContent? content, Func<HttpContent, bool>? alsoReplayable)
    {
        if (content is not null && alsoReplayable is not null && alsoReplayable(content))
        {
            return true;
        }

        switch (content)
        {
            case null:
            case ByteArrayContent:
            case ReadOnlyMemoryContent:
            case JsonContent:
                return true;
            case MultipartContent multipart:
                foreach (HttpContent part in multipart)
                {
                    if (!CanSendAgain(part, alsoReplayable))
                    {
                        return false;
                    }
                }

                return true;
            case StreamContent:
                return content.Headers.ContentLength is not null;
            default:
                return false;
        }
    }

    /// <summary>
    /// After a response to a request that <paramref name="provider"/> authenticated: when it is a <c>401</c>, tells the
    /// provider (which drops the refused token, so that the next request gets a new one, even when this one cannot be
    /// sent again) and, when the body can be sent again, clears the refused <c>Authorization</c> header so that the
    /// request can be authenticated anew and sent once more. Call it for the first response only: a second <c>401</c> is
    /// the answer. Completes synchronously for any other response.
    /// </summary>
    /// <param name="provider">The provider that authenticated the request.</param>
    /// <param name="sent">The request as it was sent.</param>
    /// <param name="response">Its response.</param>
    /// <param name="cancellationToken">Cancels the provider's work.</param>
    /// <returns><see langword="true"/> when the request should be authenticated and sent once more.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ValueTask<bool> ShouldReplayAsync(
        IAuthenticationProvider provider, HttpRequestMessage sent, HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return ShouldReplayAsync(provider, sent, response, CanSendAgain(sent.Content), cancellationToken);
    }

    /// <summary>
    /// <see cref="ShouldReplayAsync(IAuthenticationProvider, HttpRequestMessage, HttpResponseMessage, CancellationToken)"/>
    /// for a client that knows more kinds of content it can send again (the Management API client's file uploads).
    /// </summary>
    internal static ValueTask<bool> ShouldReplayAsync(
        IAuthenticationProvider provider, HttpRequestMessage sent, HttpResponseMessage response, bool canSendAgain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.Unauthorized || sent.Headers.Authorization is null)
        {
            return ValueTask.FromResult(false);
        }

        return ReplayAsync(provider, sent, response, canSendAgain, cancellationToken);

        static async ValueTask<bool> ReplayAsync(
            IAuthenticationProvider provider, HttpRequestMessage sent, HttpResponseMessage response, bool canSendAgain, CancellationToken cancellationToken)
        {
            if (!await provider.HandleUnauthorizedAsync(sent, response, cancellationToken).ConfigureAwait(false) || !canSendAgain)
            {
                return false;
            }

            // The refused credentials must not stay on a message that is sent again.
            sent.Headers.Authorization = null;
            return true;
        }
    }
}
