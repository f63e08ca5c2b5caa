namespace LogtoGenerated.Http.Pipeline;

/// <summary>Stage 3: sends one attempt with the <see cref="HttpClient"/>, returning once the response headers arrived.</summary>
internal sealed class SendStage
{
    private readonly HttpClient _httpClient;

    public SendStage(HttpClient httpClient) => _httpClient = httpClient;

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, PipelineCall call)
    {
        call.Sends++;
        return _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, call.CancellationToken);
    }
}
