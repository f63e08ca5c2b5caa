using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.Tests.AspNetCore;

/// <summary>
/// <c>AddLogtoJwtBearer</c> refuses every token that is not a valid Logto access token for the API with 401 and a
/// <c>WWW-Authenticate</c> that says why (never a 500), and never writes a token to the logs. Keys and tokens are made
/// here, against a fake Logto's discovery document and JWKS.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private FakeLogtoIssuer _logto = null!;
    private ProtectedApiHost _api = null!;
    private readonly List<string> _tokensUsed = [];

    public async Task InitializeAsync()
    {
        _logto = await FakeLogtoIssuer.StartAsync();
        _api = await ProtectedApiHost.StartAsync(options =>
        {
            options.Endpoint = _logto.Endpoint;
            options.Resource = FakeLogtoIssuer.Resource;
        });
    }

    public async Task DisposeAsync()
    {
        // Whatever a test sent, no token (nor its signature) reached the logs.
        foreach (string token in _tokensUsed)
        {
            string signature = token.Split('.').Last();
            Assert.DoesNotContain(_api.Logs.Events.Select(e => e.Text), message => message.Contains(token, StringComparison.Ordinal)
                || (signature.Length > 10 && message.Contains(signature, StringComparison.Ordinal)));
        }

        await _api.DisposeAsync();
        await _logto.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_Logto_token_is_accepted()
    {
        using HttpResponseMessage response = await Send("/orders", _logto.Token());

        Assert.True(response.StatusCode == HttpStatusCode.OK, _api.Logs.AllText);
        Assert.Equal("orders", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_token_gets_a_bare_Bearer_challenge()
    {
        using HttpResponseMessage response = await _api.GetAsync("/orders", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task An_expired_token_is_refused_saying_when_it_expired()
    {
        DateTime expired = DateTime.UtcNow.AddMinutes(-5);
        string token = _logto.Token(change: d => { d.IssuedAt = expired.AddHours(-1); d.Expires = expired; });

        await AssertRefused(token, "The token expired at " + expired.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused()
    {
        await AssertRefused(_logto.Token(change: d => d.NotBefore = DateTime.UtcNow.AddMinutes(10)), "The token is not valid before");
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        await AssertRefused(_logto.Token(change: d => d.Issuer = "https://auth.attacker.example/oidc"), $"The token was not issued by {_logto.Issuer}.");
    }

    [Fact]
    public async Task A_token_for_another_resource_is_refused_naming_the_resource_to_request()
    {
        await AssertRefused(
            _logto.Token(audience: "https://default.logto.app/api"),
            $"The token is not for this API: its audience must be '{FakeLogtoIssuer.Resource}'. Request it with resource={FakeLogtoIssuer.Resource}.");
    }

    [Fact]
    public async Task A_token_with_alg_none_is_refused()
    {
        string header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "at+jwt", kid = _logto.Current.KeyId }));
        string signed = _logto.Token();
        string unsigned = $"{header}.{signed.Split('.')[1]}.";

        await AssertRefused(unsigned, "The token's signature is invalid.");
    }

    [Fact]
    public async Task A_token_signed_with_HS256_and_the_public_key_as_secret_is_refused()
    {
        // The classic algorithm confusion: the verifier takes the published key's bytes as an HMAC secret.
        byte[] publicKeyBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(_logto.Current.PublicJwk));
        var hmac = new SigningCredentials(new SymmetricSecurityKey(publicKeyBytes) { KeyId = _logto.Current.KeyId }, SecurityAlgorithms.HmacSha256);
        string token = _logto.Token(change: d => d.SigningCredentials = hmac);
        Assert.Equal("HS256", new JsonWebToken(token).Alg);

        await AssertRefused(token, expectedDescription: null);
    }

    [Fact]
    public async Task An_ID_token_presented_as_an_access_token_is_refused()
    {
        await AssertRefused(_logto.Token(change: d => d.TokenType = "JWT"), "The token is not an access token: its typ header must be at+jwt (ID tokens are not accepted).");
    }

    [Fact]
    public async Task A_token_whose_signature_does_not_verify_is_refused()
    {
        await AssertRefused(_logto.Token(key: _logto.Current.Impostor()), "The token's signature is invalid.");
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        await using FakeLogtoIssuer otherTenant = await FakeLogtoIssuer.StartAsync();

        await AssertRefused(otherTenant.Token(), $"The token was not issued by {_logto.Issuer}.");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJ4In0")]
    public async Task A_malformed_token_is_refused(string token)
    {
        await AssertRefused(token, expectedDescription: null);
    }

    [Fact]
    public async Task Unknown_key_with_the_JWKS_down_keeps_the_cached_keys_and_does_not_hang()
    {
        string known = _logto.Token();
        Assert.Equal(HttpStatusCode.OK, (await Send("/orders", known)).StatusCode);
        _logto.Down = true;
        int readings = _logto.KeyReadings;

        var stopwatch = Stopwatch.StartNew();
        await AssertRefused(_logto.Token(key: FakeLogtoIssuer.SigningKey.CreateEs384()), "The token is signed with a key that Logto does not publish.");
        await AssertRefused(_logto.Token(key: FakeLogtoIssuer.SigningKey.CreateEs384()), "The token is signed with a key that Logto does not publish.");
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"refusing took {stopwatch.Elapsed}");
        Assert.Equal(readings + 1, _logto.KeyReadings);
        Assert.Equal(HttpStatusCode.OK, (await Send("/orders", _logto.Token())).StatusCode);
    }

    [Fact]
    public async Task Tokens_with_unknown_keys_read_the_keys_at_most_once_per_interval()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send("/orders", _logto.Token())).StatusCode);
        int readings = _logto.KeyReadings;

        for (int i = 0; i < 20; i++)
        {
            using HttpResponseMessage response = await Send("/orders", _logto.Token(key: FakeLogtoIssuer.SigningKey.CreateEs384()));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(readings + 1, _logto.KeyReadings);
    }

    [Fact]
    public async Task Logto_unreachable_before_any_key_was_read_is_a_401_that_says_so_not_a_500()
    {
        _logto.Down = true;

        await AssertRefused(_logto.Token(), "Logto's signing keys could not be read, so the token could not be checked: try again later.");
        Assert.Contains("Logto answered 503", _api.Logs.AllText, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Send(string path, string token)
    {
        _tokensUsed.Add(token);
        return await _api.GetAsync(path, token);
    }

    private async Task AssertRefused(string token, string? expectedDescription)
    {
        using HttpResponseMessage response = await Send("/orders", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        string challenge = response.Headers.WwwAuthenticate.Single().ToString();
        Assert.StartsWith("Bearer error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        if (expectedDescription is not null)
        {
            Assert.True(challenge.Contains($"error_description=\"{expectedDescription}", StringComparison.Ordinal), $"WWW-Authenticate: {challenge}");
        }

        Assert.DoesNotContain(token, challenge, StringComparison.Ordinal);
    }
}
