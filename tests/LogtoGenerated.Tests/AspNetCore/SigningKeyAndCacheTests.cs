using System.Net;
using System.Security.Claims;
using LogtoGenerated.AspNetCore.Authentication;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LogtoGenerated.Tests.AspNetCore;

/// <summary>
/// Key rotation without a restart (a new key id reads the keys again), and the cache of validated tokens: a reused
/// token is not verified again from its third use, a token used once is not kept, the cache is bounded, forgets
/// everything when the keys change, never serves a token past its expiry, and hands out a fresh identity each time.
/// </summary>
public sealed class SigningKeyAndCacheTests : IAsyncLifetime
{
    private FakeLogtoIssuer _logto = null!;

    public async Task InitializeAsync() => _logto = await FakeLogtoIssuer.StartAsync();

    public async Task DisposeAsync() => await _logto.DisposeAsync();

    [Fact]
    public async Task A_rotated_key_is_read_at_once_and_old_tokens_keep_working()
    {
        await using ProtectedApiHost api = await StartApi();
        string before = _logto.Token();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", before)).StatusCode);
        int readings = _logto.KeyReadings;

        _logto.Rotate();
        string after = _logto.Token();

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", after)).StatusCode);
        Assert.Equal(readings + 1, _logto.KeyReadings);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", before)).StatusCode);
        Assert.Equal(readings + 1, _logto.KeyReadings);
    }

    [Fact]
    public async Task A_reused_token_is_answered_from_the_cache_from_its_third_use()
    {
        await using ProtectedApiHost api = await StartApi();
        string token = _logto.Token();

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
        }

        // The first use marks the token, the second remembers it, the other three are answered from the cache.
        Assert.Equal(1, api.TokenHandler.Cache.Count);
        Assert.Equal(3, api.TokenHandler.Cache.Hits);
    }

    [Fact]
    public async Task A_reading_of_unchanged_keys_keeps_the_remembered_tokens()
    {
        await using ProtectedApiHost api = await StartApi(options => options.UnknownKeyRefreshInterval = TimeSpan.Zero);
        string token = _logto.Token();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
        int readings = _logto.KeyReadings;

        // A forged key id makes the API read the keys again; they are the same, so nothing is forgotten.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/orders", _logto.Token(key: FakeLogtoIssuer.SigningKey.CreateEs384()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);

        Assert.Equal(readings + 1, _logto.KeyReadings);
        Assert.Equal(1, api.TokenHandler.Cache.Count);
        Assert.Equal(1, api.TokenHandler.Cache.Hits);
    }

    [Fact]
    public async Task Tokens_used_once_are_not_remembered()
    {
        await using ProtectedApiHost api = await StartApi();

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", _logto.Token())).StatusCode);
        }

        Assert.Equal(0, api.TokenHandler.Cache.Count);
        Assert.Equal(0, api.TokenHandler.Cache.Bytes);
    }

    [Fact]
    public async Task A_cached_token_whose_key_Logto_removed_is_refused()
    {
        await using ProtectedApiHost api = await StartApi(options => options.UnknownKeyRefreshInterval = TimeSpan.Zero);
        FakeLogtoIssuer.SigningKey removed = _logto.Current;
        string token = _logto.Token();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
        Assert.Equal(1, api.TokenHandler.Cache.Count);

        FakeLogtoIssuer.SigningKey next = FakeLogtoIssuer.SigningKey.CreateEs384();
        _logto.Publish(next);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", _logto.Token(key: next))).StatusCode);

        Assert.Equal(0, api.TokenHandler.Cache.Count);
        using HttpResponseMessage refused = await api.GetAsync("/orders", token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("The token is signed with a key that Logto does not publish.", refused.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        Assert.NotEqual(removed.KeyId, next.KeyId);
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_size()
    {
        await using ProtectedApiHost api = await StartApi(options => options.ValidatedTokenCacheSize = 4);

        await UseTwelveTokensTwiceAsync(api, () => Assert.InRange(api.TokenHandler.Cache.Count, 1, 4));
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_memory_limit()
    {
        await using ProtectedApiHost api = await StartApi(options => options.ValidatedTokenCacheMemoryLimit = 20_000);

        await UseTwelveTokensTwiceAsync(api, () => Assert.InRange(api.TokenHandler.Cache.Bytes, 1, 20_000));
    }

    [Fact]
    public async Task A_cache_of_size_zero_remembers_nothing()
    {
        await using ProtectedApiHost api = await StartApi(options => options.ValidatedTokenCacheSize = 0);
        string token = _logto.Token();

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);

        Assert.Equal(0, api.TokenHandler.Cache.Count);
        Assert.Equal(0, api.TokenHandler.Cache.Hits);
    }

    [Fact]
    public void A_token_is_remembered_on_its_second_validation_never_past_its_expiry_and_each_hit_gets_its_own_identity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ValidatedTokenCache(10, 1_000_000, time);
        string token = _logto.Token(change: d => d.Expires = time.GetUtcNow().UtcDateTime.AddSeconds(60));
        var jwt = new JsonWebToken(token);
        var identity = new ClaimsIdentity([new Claim("sub", "app"), new Claim("scope", "read:orders")], "Bearer", "sub", "roles");
        Assert.True(cache.TryGetKey(token, out ValidatedTokenCache.TokenHash key));
        Assert.False(cache.Add(key, token.Length, identity, jwt, keysVersion: 1));
        Assert.False(cache.TryGet(key, 1, out _, out _));
        Assert.True(cache.Add(key, token.Length, identity, jwt, keysVersion: 1));

        Assert.True(cache.TryGet(key, 1, out ClaimsIdentity? first, out _));
        first!.AddClaim(new Claim("added", "by a handler"));
        Assert.True(cache.TryGet(key, 1, out ClaimsIdentity? second, out _));
        Assert.Null(second!.FindFirst("added"));
        Assert.Equal(["sub", "scope"], second.Claims.Select(c => c.Type));
        Assert.False(cache.TryGet(key, 2, out _, out _));

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.False(cache.TryGet(key, 1, out _, out _));
    }

    [Fact]
    public void The_cache_never_holds_a_token_as_its_key_and_skips_very_long_tokens()
    {
        var cache = new ValidatedTokenCache(10, 1_000_000, TimeProvider.System);
        string token = _logto.Token();

        Assert.True(cache.TryGetKey(token, out ValidatedTokenCache.TokenHash key));
        Assert.DoesNotContain(token, key.ToString(), StringComparison.Ordinal);
        Assert.Equal(key, ValidatedTokenCache.TokenHash.Of(token));
        Assert.NotEqual(key, ValidatedTokenCache.TokenHash.Of(token + "x"));
        Assert.False(cache.TryGetKey(new string('a', ValidatedTokenCache.MaxTokenLength + 1), out _));
    }

    // Each token twice, so that each is remembered (from its second use), checking the cache after each.
    private async Task UseTwelveTokensTwiceAsync(ProtectedApiHost api, Action check)
    {
        for (int i = 0; i < 12; i++)
        {
            string token = _logto.Token();
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", token)).StatusCode);
            check();
        }
    }

    private Task<ProtectedApiHost> StartApi(Action<LogtoGenerated.AspNetCore.LogtoJwtBearerOptions>? configure = null) => ProtectedApiHost.StartAsync(options =>
    {
        options.Endpoint = _logto.Endpoint;
        options.Resource = FakeLogtoIssuer.Resource;
        configure?.Invoke(options);
    });
}
