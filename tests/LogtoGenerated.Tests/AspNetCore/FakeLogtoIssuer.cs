using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.Tests.AspNetCore;

/// <summary>
/// A stand-in for Logto's OIDC provider on Kestrel (127.0.0.1, a free port): its discovery document and JWKS, with
/// keys made here, and tokens shaped like Logto's (ES384, <c>typ</c> <c>at+jwt</c>, the claims of a
/// <c>client_credentials</c> token) signed with them. For what a real Logto cannot be made to do: forged tokens, keys
/// that vanish, a JWKS endpoint that is down.
/// </summary>
internal sealed class FakeLogtoIssuer : IAsyncDisposable
{
    public const string Resource = "https://shop.example/api";
    public const string AppId = "m2m-app-1";

    private readonly WebApplication _app;
    private readonly object _lock = new();
    private List<SigningKey> _published = [];
    private int _keyReadings;

    private FakeLogtoIssuer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>Logto's address (tokens are issued by <c>{Endpoint}/oidc</c>).</summary>
    public Uri Endpoint { get; }

    public string Issuer => Endpoint.AbsoluteUri.TrimEnd('/') + "/oidc";

    /// <summary>The key new tokens are signed with (the first published key).</summary>
    public SigningKey Current { get { lock (_lock) { return _published[0]; } } }

    /// <summary>How many times the keys were read (a reading starts with the discovery document).</summary>
    public int KeyReadings => Volatile.Read(ref _keyReadings);

    /// <summary>When set, the discovery document and JWKS answer 503.</summary>
    public bool Down { get; set; }

    public static async Task<FakeLogtoIssuer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FakeLogtoIssuer? issuer = null;
        app.MapGet("/oidc/.well-known/openid-configuration", () => issuer!.Discovery());
        app.MapGet("/oidc/jwks", () => issuer!.Jwks());
        await app.StartAsync();
        var endpoint = new Uri(app.Urls.Single());
        issuer = new FakeLogtoIssuer(app, endpoint);
        issuer.Rotate();
        return issuer;
    }

    /// <summary>Publishes a new key, signing new tokens with it; the old keys stay published (as Logto's rotation does).</summary>
    public SigningKey Rotate()
    {
        var key = SigningKey.CreateEs384();
        lock (_lock)
        {
            _published = [key, .. _published];
        }

        return key;
    }

    /// <summary>Publishes only <paramref name="keys"/>.</summary>
    public void Publish(params SigningKey[] keys)
    {
        lock (_lock)
        {
            _published = [.. keys];
        }
    }

    /// <summary>A token like Logto's for an M2M app: <c>sub</c> and <c>client_id</c> the app, 1 hour, scope <paramref name="scope"/>.</summary>
    public string Token(string scope = "read:orders", string audience = Resource, Action<SecurityTokenDescriptor>? change = null, SigningKey? key = null)
    {
        DateTime now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = null,
            Expires = now.AddHours(1),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["sub"] = AppId,
                ["client_id"] = AppId,
                ["scope"] = scope,
            },
            SigningCredentials = (key ?? Current).Credentials,
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Discovery() => Interlocked.Increment(ref _keyReadings) > 0 && Down
        ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
        : Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "/jwks",
            ["token_endpoint"] = Issuer + "/token",
            ["id_token_signing_alg_values_supported"] = new[] { "ES384" },
        });

    private IResult Jwks()
    {
        if (Down)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        List<SigningKey> keys;
        lock (_lock)
        {
            keys = _published;
        }

        return Results.Text(JsonSerializer.Serialize(new { keys = keys.Select(k => k.PublicJwk).ToArray() }), "application/json");
    }

    /// <summary>An ES384 key pair with a key id, and its public JWK as Logto publishes it.</summary>
    internal sealed class SigningKey
    {
        private SigningKey(ECDsa ecdsa, string keyId)
        {
            Ecdsa = ecdsa;
            KeyId = keyId;
            ECParameters p = ecdsa.ExportParameters(false);
            PublicJwk = new Dictionary<string, string>
            {
                ["kty"] = "EC", ["use"] = "sig", ["kid"] = keyId, ["alg"] = "ES384", ["crv"] = "P-384",
                ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            };
            Credentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha384);
        }

        public ECDsa Ecdsa { get; }

        public string KeyId { get; }

        public Dictionary<string, string> PublicJwk { get; }

        public SigningCredentials Credentials { get; }

        public static SigningKey CreateEs384() => new(ECDsa.Create(ECCurve.NamedCurves.nistP384), Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)));

        /// <summary>A key with this key's id and another private key: its signatures do not verify.</summary>
        public SigningKey Impostor() => new(ECDsa.Create(ECCurve.NamedCurves.nistP384), KeyId);
    }
}
