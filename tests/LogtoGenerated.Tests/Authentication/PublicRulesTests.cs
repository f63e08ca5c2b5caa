using System.Net;
using System.Net.Http.Json;
using LogtoGenerated.Authentication;
using LogtoGenerated.Diagnostics;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>
/// The host rule and the replay rule as the public types of LogtoGenerated.Authentication, and the types that moved there
/// from the library, forwarded so that applications built against the library still find them.
/// </summary>
public sealed class PublicRulesTests
{
    [Fact]
    public void LogtoAllowedHosts_Create_refuses_a_host_with_a_scheme_or_path_and_a_relative_origin_saying_which()
    {
        ArgumentException withScheme = Assert.Throws<ArgumentException>(() => LogtoAllowedHosts.Create([], ["https://api.example.com"]));
        Assert.Contains("'https://api.example.com' is not a host name", withScheme.Message, StringComparison.Ordinal);
        Assert.Equal("hosts", withScheme.ParamName);

        ArgumentException relative = Assert.Throws<ArgumentException>(() => LogtoAllowedHosts.Create([new Uri("/api", UriKind.Relative)], []));
        Assert.Equal("origins", relative.ParamName);
    }

    [Fact]
    public void LogtoAllowedHosts_Create_allows_the_origins_host_and_port_and_a_listed_host_on_any_port()
    {
        LogtoAllowedHosts hosts = LogtoAllowedHosts.Create([new Uri("https://abc123.logto.app")], ["api.shopping.example"]);

        Assert.True(hosts.Allows(new Uri("https://abc123.logto.app/api/users")));
        Assert.False(hosts.Allows(new Uri("https://abc123.logto.app:8443/api/users")));
        Assert.True(hosts.Allows(new Uri("https://api.shopping.example:8443/orders")));
        Assert.False(hosts.Allows(new Uri("http://api.shopping.example/orders")));
        Assert.Equal("abc123.logto.app:443, api.shopping.example", hosts.ToString());
    }

    [Fact]
    public void The_provider_exposes_its_host_rule_and_AllowsHost_applies_it()
    {
        var provider = new ClientCredentialsAuthenticationProvider(
            new LogtoClientCredentialsOptions { Endpoint = new Uri("https://auth.example.com"), ClientId = "id", ClientSecret = "secret", Resource = "https://shopping.api", AllowedHosts = { "api.shopping.example" } },
            new HttpClient());

        Assert.True(provider.AllowsHost(new Uri("https://auth.example.com/oidc/token")));
        Assert.True(provider.AllowsHost(new Uri("https://api.shopping.example/orders")));
        Assert.False(provider.AllowsHost(new Uri("https://shopping.api/orders")));
        Assert.False(provider.AllowsHost(null));
        Assert.Equal("auth.example.com:443, api.shopping.example", provider.AllowedHosts.ToString());
    }

    public static TheoryData<string, HttpContent?, bool> Contents() => new()
    {
        { "none", null, true },
        { "string", new StringContent("{}"), true },
        { "form", new FormUrlEncodedContent([new("a", "b")]), true },
        { "JSON serialized on demand", JsonContent.Create(new { a = 1 }), true },
        { "a stream that can seek", new StreamContent(new MemoryStream([1, 2, 3])), true },
        { "a stream that cannot seek", new StreamContent(new NonSeekableStream()), false },
        { "multipart of bytes", new MultipartFormDataContent { new StringContent("x") }, true },
        { "multipart with a stream that cannot seek", new MultipartFormDataContent { new StringContent("x"), new StreamContent(new NonSeekableStream()) }, false },
        { "read-only memory", new ReadOnlyMemoryContent(new byte[] { 1, 2 }), true },
        { "content of an unknown kind, even one that knows its length", new PushedContent(), false },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void LogtoTokenReplay_CanSendAgain_only_a_body_that_gives_the_same_bytes_again(string what, HttpContent? content, bool expected)
    {
        Assert.True(expected == LogtoTokenReplay.CanSendAgain(content), what);
    }

    [Fact]
    public async Task LogtoTokenReplay_ShouldReplayAsync_asks_the_provider_after_a_401_and_clears_the_refused_header_only_when_the_body_can_be_sent_again()
    {
        var provider = new CountingProvider();
        using var replayable = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StringContent("{}") };
        replayable.Headers.Authorization = new("Bearer", "refused");
        using var unauthorized = new HttpResponseMessage(HttpStatusCode.Unauthorized);

        Assert.True(await LogtoTokenReplay.ShouldReplayAsync(provider, replayable, unauthorized));
        Assert.Null(replayable.Headers.Authorization);

        using var streamed = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/") { Content = new StreamContent(new NonSeekableStream()) };
        streamed.Headers.Authorization = new("Bearer", "refused");
        Assert.False(await LogtoTokenReplay.ShouldReplayAsync(provider, streamed, unauthorized));
        Assert.NotNull(streamed.Headers.Authorization);
        Assert.Equal(2, provider.Unauthorized);

        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        Assert.False(await LogtoTokenReplay.ShouldReplayAsync(provider, replayable, ok));
        Assert.Equal(2, provider.Unauthorized);
    }

    [Fact]
    public void The_types_that_moved_to_the_authentication_package_are_forwarded_from_the_library()
    {
        Type[] forwarded = typeof(LogtoManagementClient).Assembly.GetForwardedTypes();

        Type[] moved =
        [
            typeof(IAuthenticationProvider), typeof(ClientCredentialsAuthenticationProvider), typeof(LogtoAccessToken),
            typeof(LogtoClientCredentialsHandler), typeof(LogtoClientCredentialsOptions), typeof(LogtoTokenCache),
            typeof(LogtoTokenException), typeof(LogtoDiagnostics),
        ];
        Assert.All(moved, type =>
        {
            Assert.Equal("LogtoGenerated.Authentication", type.Assembly.GetName().Name);
            Assert.Contains(type, forwarded);
        });
    }

    private sealed class CountingProvider : IAuthenticationProvider
    {
        public int Unauthorized { get; private set; }

        public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken) => default;

        public ValueTask<bool> HandleUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            Unauthorized++;
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>Content written by a callback, whose length is known: it may not give the same bytes twice.</summary>
    private sealed class PushedContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(new byte[] { 1 }).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 1;
            return true;
        }
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
