using System.IO.Compression;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LogtoGenerated.Tests.Http;

/// <summary>
/// Compressed responses: the clients the library makes itself ask for gzip, deflate and br, and read what a server
/// really compressed (a Kestrel fake on 127.0.0.1) as they read it uncompressed; a caller's own client is left alone.
/// </summary>
public sealed class CompressionTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLogtoServer.StartAsync();
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>
    /// Answers with <paramref name="response"/>, its body compressed with <paramref name="encoding"/> when the request
    /// accepts it (as Logto's koa-compress does), else as it is.
    /// </summary>
    private void RespondCompressed(FakeResponse response, string encoding) =>
        _server.Respond(request =>
            request.Headers.TryGetValue("Accept-Encoding", out string? accepted) && accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase)
                ? Compress(response, encoding)
                : response);

    private static FakeResponse Compress(FakeResponse response, string encoding)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
            "br" => new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "gzip, br or deflate."),
        })
        {
            compressor.Write(response.Body);
        }

        return (response with { Body = buffer.ToArray() }).WithHeader("Content-Encoding", encoding);
    }

    private static string[] AcceptedEncodings(RecordedRequest request) =>
        request.Headers.TryGetValue("Accept-Encoding", out string? value)
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task A_client_made_by_Create_asks_for_compression_and_reads_a_compressed_user(string encoding)
    {
        RespondCompressed(TokenEndpoint.User(), encoding);
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server));

        User user = await client.Users["0v6t4aelt1uj"].GetAsync();

        Assert.Equal("0v6t4aelt1uj", user.Id);
        RecordedRequest request = Assert.Single(TokenEndpoint.ApiRequests(_server));
        Assert.Equal(["br", "deflate", "gzip"], AcceptedEncodings(request).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressed_error_reads_as_the_same_LogtoApiException_as_an_uncompressed_one(string encoding)
    {
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server));
        _server.RespondWithRecording("30-users-404.txt");
        LogtoApiException plain = await Assert.ThrowsAsync<LogtoApiException>(() => client.Users["doesnotexist"].GetAsync());
        RespondCompressed(FakeResponse.FromRecording("30-users-404.txt"), encoding);

        LogtoApiException compressed = await Assert.ThrowsAsync<LogtoApiException>(() => client.Users["doesnotexist"].GetAsync());

        Assert.Equal(404, compressed.StatusCode);
        Assert.Equal("entity.not_found", compressed.Code);
        Assert.Equal(plain.ErrorMessage, compressed.ErrorMessage);
        Assert.Equal(plain.RawBody, compressed.RawBody);
        Assert.Equal("gItYt8rU-IDdfhnK", compressed.RequestId);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_client_from_AddLogtoManagementClient_asks_for_compression_and_reads_a_compressed_page(string encoding)
    {
        FakeResponse page = FakeResponse.Json(200, "[" + TokenEndpoint.User().BodyText + "]").WithHeader("Total-Number", "1");
        RespondCompressed(page, encoding);
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.ClientId = TokenEndpoint.ClientId;
            o.ClientSecret = TokenEndpoint.ClientSecret;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LogtoManagementClient>();

        var users = new List<User>();
        await foreach (User user in client.Users.GetAllAsync())
        {
            users.Add(user);
        }

        Assert.Equal("0v6t4aelt1uj", Assert.Single(users).Id);
        RecordedRequest request = Assert.Single(TokenEndpoint.ApiRequests(_server));
        Assert.Contains(encoding, AcceptedEncodings(request));
    }

    [Fact]
    public async Task A_callers_own_HttpClient_is_used_as_it_is_and_asks_for_no_compression()
    {
        RespondCompressed(TokenEndpoint.User(), "gzip");
        using var http = new HttpClient(new SocketsHttpHandler());
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server), http);

        User user = await client.Users["0v6t4aelt1uj"].GetAsync();

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Empty(AcceptedEncodings(Assert.Single(TokenEndpoint.ApiRequests(_server))));
    }
}
