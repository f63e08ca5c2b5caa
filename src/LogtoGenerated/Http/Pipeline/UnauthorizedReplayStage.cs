using System.Net;
using LogtoGenerated.Authentication;

namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// Stage 4: after the first <c>401</c> to a request that carried credentials, applies the one replay rule,
/// <see cref="LogtoTokenReplay"/> (the provider drops a revoked or early-expired token; the request is sent once more).
/// </summary>
internal sealed class UnauthorizedReplayStage
{
    private readonly IAuthenticationProvider _provider;

    public UnauthorizedReplayStage(IAuthenticationProvider provider) => _provider = provider;

    /// <summary>
    /// Whether to authenticate and send the request again. The provider hears of the first 401 even when the body
    /// cannot be sent again, so that it drops a stale token for the next call; only a replayable request is replayed.
    /// Completes synchronously, without allocating, for any other response.
    /// </summary>
    public ValueTask<bool> ShouldReplayAsync(PipelineCall call, HttpRequestMessage sent, HttpResponseMessage response)
    {
        if (!MayReplay(call, sent, response))
        {
            return ValueTask.FromResult(false);
        }

        call.HeardUnauthorized = true;
        return LogtoTokenReplay.ShouldReplayAsync(_provider, sent, response, call.IsContentReplayable, call.CancellationToken);
    }

    /// <summary>Whether the response is a first 401 to a request that carried a token: only then can a replay follow.</summary>
    public static bool MayReplay(PipelineCall call, HttpRequestMessage sent, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized && !call.HeardUnauthorized && sent.Headers.Authorization is not null;
}
