using System.Threading.RateLimiting;
using LogtoGenerated.Authentication;

namespace LogtoGenerated.Http.Pipeline;

/// <summary>
/// The way every request of <see cref="LogtoRequestAdapter"/> goes, through small stages in this order:
/// <list type="number">
/// <item><see cref="RateLimitStage"/>: wait for a permit of the client-side rate limiter;</item>
/// <item><see cref="AuthenticationStage"/>: add credentials (only for an allowed host);</item>
/// <item><see cref="SendStage"/>: send with the <see cref="HttpClient"/>;</item>
/// <item><see cref="UnauthorizedReplayStage"/>: after the first <c>401</c>, go back to 1 once with fresh credentials;</item>
/// <item><see cref="RetryStage"/>: after a transient failure, wait and go back to 1, as the retry options allow;</item>
/// <item><see cref="ResponseReader{T}"/>: report the final response to <see cref="RequestConfiguration.OnResponse"/>,
/// map a failure to <see cref="LogtoApiException"/>, or read the body.</item>
/// </list>
/// The whole call runs in a <see cref="CallScope"/>, which applies the request's timeout.
/// </summary>
internal sealed class RequestPipeline
{
    private readonly string _baseAddress;
    private readonly LogtoRetryOptions _retryOptions;
    private readonly TimeProvider _timeProvider;
    private readonly RateLimitStage _rateLimit;
    private readonly AuthenticationStage _authentication;
    private readonly SendStage _send;
    private readonly UnauthorizedReplayStage _unauthorizedReplay;
    private readonly RetryStage _retry;

    public RequestPipeline(
        HttpClient httpClient, IAuthenticationProvider provider, Uri endpoint, LogtoRetryOptions retry, RateLimiter? rateLimiter, TimeProvider timeProvider)
    {
        _baseAddress = LogtoEndpoint.GetBaseAddress(endpoint);
        _retryOptions = retry;
        _timeProvider = timeProvider;
        _rateLimit = new RateLimitStage(rateLimiter);
        _authentication = new AuthenticationStage(provider, endpoint);
        _send = new SendStage(httpClient);
        _unauthorizedReplay = new UnauthorizedReplayStage(_authentication.Provider);
        _retry = new RetryStage(timeProvider);
    }

    /// <summary>Sends the request through every stage and reads the final response with <paramref name="reader"/>.</summary>
    public async Task<T> SendAsync<T>(RequestInformation request, ResponseReader<T> reader, CancellationToken cancellationToken)
    {
        using var scope = new CallScope(request, _timeProvider, cancellationToken);
        try
        {
            var call = PipelineCall.For(request, _retryOptions, scope.Token);
            HttpResponseMessage response = await SendUntilFinalAsync(request, reader.DefaultAccept, call).ConfigureAwait(false);
            bool handedOver = false;
            try
            {
                if (!reader.IsSuccess(response))
                {
                    throw await LogtoApiExceptionFactory.FromResponseAsync(request, response, call.CancellationToken).ConfigureAwait(false);
                }

                T result = await reader.ReadAsync(request, response, call.CancellationToken).ConfigureAwait(false);
                handedOver = reader.KeepsResponse;
                return result;
            }
            finally
            {
                if (!handedOver)
                {
                    response.Dispose();
                }
            }
        }
        catch (OperationCanceledException e) when (scope.IsOwnCancellation(e))
        {
            throw scope.MapCancellation(e);
        }
    }

    /// <summary>Stages 1 to 5, attempt after attempt, until a response is final; reports it to <see cref="RequestConfiguration.OnResponse"/>.</summary>
    private async Task<HttpResponseMessage> SendUntilFinalAsync(RequestInformation request, string? defaultAccept, PipelineCall call)
    {
        Uri uri = request.BuildUri(_baseAddress);
        while (true)
        {
            HttpRequestMessage message = RequestMessages.Create(request, uri, defaultAccept);
            HttpResponseMessage response;
            try
            {
                using IDisposable? permit = await _rateLimit.WaitAsync(request, call.CancellationToken).ConfigureAwait(false);
                await _authentication.AuthenticateAsync(message, call.CancellationToken).ConfigureAwait(false);
                response = await _send.SendAsync(message, call).ConfigureAwait(false);
            }
            catch (Exception e) when (_retry.ShouldRetry(call, e, out TimeSpan delay))
            {
                await _retry.WaitAsync(delay, call.CancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await IsFinalAsync(call, message, response).ConfigureAwait(false))
            {
                return response;
            }
        }
    }

    /// <summary>Stages 4 and 5 on a response: false when the call goes on (the response is then disposed).</summary>
    /// <remarks>
    /// A response that can be neither replayed nor retried, the usual case, is decided without an asynchronous
    /// method: less to compile for a process's first call, nothing to allocate for the others.
    /// </remarks>
    private ValueTask<bool> IsFinalAsync(PipelineCall call, HttpRequestMessage message, HttpResponseMessage response)
    {
        if (UnauthorizedReplayStage.MayReplay(call, message, response) || RetryStage.MayRetry(call, response))
        {
            return DecideAsync(call, message, response);
        }

        Deliver(call, response);
        return ValueTask.FromResult(true);
    }

    private static void Deliver(PipelineCall call, HttpResponseMessage response)
    {
        try
        {
            call.Configuration?.OnResponse?.Invoke(new LogtoResponse(response, call.Sends));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async ValueTask<bool> DecideAsync(PipelineCall call, HttpRequestMessage message, HttpResponseMessage response)
    {
        // Every response not handed on is disposed, also when the provider, a delay or OnResponse throws.
        bool final = false;
        try
        {
            if (await _unauthorizedReplay.ShouldReplayAsync(call, message, response).ConfigureAwait(false))
            {
                return false;
            }

            if (_retry.ShouldRetry(call, response, out TimeSpan delay))
            {
                response.Dispose(); // frees the connection during the delay
                await _retry.WaitAsync(delay, call.CancellationToken).ConfigureAwait(false);
                return false;
            }

            final = true;
            Deliver(call, response);
            return true;
        }
        finally
        {
            if (!final)
            {
                response.Dispose();
            }
        }
    }
}
