using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LogtoGenerated.AspNetCore;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.Benchmarks.ProtectedApi;

/// <summary>
/// What authentication costs a request to an API protected by Logto, in memory (TestServer), with Logto-shaped ES384
/// access tokens: the same endpoint without authentication, with a plain <c>AddJwtBearer</c> set up the way Logto's
/// ASP.NET Core guide shows (authority, audience, a scope check), and with <c>AddLogtoJwtBearer</c>. Each benchmark
/// sends 1,000 requests: the same token each time (an M2M caller reusing its token), 1,000 tokens never seen before
/// (made before each iteration), or 1,000 forged tokens (a known key id, a signature of another key).
/// </summary>
[MemoryDiagnoser]
public class ProtectedApiBenchmarks
{
    private const int Requests = 1000;
    private const string Endpoint = "https://logto.bench";
    private const string Issuer = Endpoint + "/oidc";
    private const string Resource = "https://shop.example/api";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly string _keyId = "bench-key-1";
    private WebApplication _unauthenticated = null!, _plain = null!, _logto = null!;
    private HttpClient _unauthenticatedClient = null!, _plainClient = null!, _logtoClient = null!;
    private string _token = null!;
    private string[] _distinct = [];
    private string[] _forged = [];

    [GlobalSetup]
    public async Task Setup()
    {
        (_unauthenticated, _unauthenticatedClient) = await StartAsync(services => { }, authenticated: false);
        (_plain, _plainClient) = await StartAsync(services => services.AddAuthorization().AddAuthentication().AddJwtBearer(options =>
        {
            // As Logto's ASP.NET Core guide sets it up.
            options.Authority = Issuer;
            options.Audience = Resource;
            options.BackchannelHttpHandler = new LogtoKeysHandler(PublicJwks());
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true, ValidIssuer = Issuer, ValidateAudience = true, ValidAudience = Resource,
                ValidateLifetime = true, ValidateIssuerSigningKey = true, ClockSkew = TimeSpan.FromSeconds(30),
            };
        }), authenticated: true, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.FindFirst("scope")?.Value.Split(' ').Contains("read:orders") == true));
        (_logto, _logtoClient) = await StartAsync(services =>
        {
            services.AddAuthentication().AddLogtoJwtBearer(options =>
            {
                options.Endpoint = new Uri(Endpoint);
                options.Resource = Resource;
            });
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = new LogtoKeysHandler(PublicJwks()));
        }, authenticated: true, policy => policy.RequireLogtoScopes("read:orders"));

        _token = Token(_key);
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        _forged = Enumerable.Range(0, Requests).Select(_ => Token(impostor)).ToArray();
        foreach (HttpClient client in new[] { _plainClient, _logtoClient })
        {
            await Expect(client, _token, HttpStatusCode.OK);
            await Expect(client, _forged[0], HttpStatusCode.Unauthorized);
        }
    }

    [IterationSetup(Targets = [nameof(DistinctTokens_PlainJwtBearer), nameof(DistinctTokens_LogtoJwtBearer)])]
    public void MakeDistinctTokens() => _distinct = Enumerable.Range(0, Requests).Select(_ => Token(_key)).ToArray();

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (WebApplication app in new[] { _unauthenticated, _plain, _logto })
        {
            await app.DisposeAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task SameToken_Unauthenticated() => Send(_unauthenticatedClient, _ => _token, HttpStatusCode.OK);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task SameToken_PlainJwtBearer() => Send(_plainClient, _ => _token, HttpStatusCode.OK);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task SameToken_LogtoJwtBearer() => Send(_logtoClient, _ => _token, HttpStatusCode.OK);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task DistinctTokens_PlainJwtBearer() => Send(_plainClient, i => _distinct[i], HttpStatusCode.OK);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task DistinctTokens_LogtoJwtBearer() => Send(_logtoClient, i => _distinct[i], HttpStatusCode.OK);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task ForgedTokens_PlainJwtBearer() => Send(_plainClient, i => _forged[i], HttpStatusCode.Unauthorized);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task ForgedTokens_LogtoJwtBearer() => Send(_logtoClient, i => _forged[i], HttpStatusCode.Unauthorized);

    private static async Task Send(HttpClient client, Func<int, string> token, HttpStatusCode expected)
    {
        for (int i = 0; i < Requests; i++)
        {
            await Expect(client, token(i), expected);
        }
    }

    private static async Task Expect(HttpClient client, string token, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using HttpResponseMessage response = await client.SendAsync(request);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Expected {expected}, got {response.StatusCode} {response.Headers.WwwAuthenticate}.");
        }
    }

    private static async Task<(WebApplication, HttpClient)> StartAsync(
        Action<IServiceCollection> authentication, bool authenticated, Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder>? policy = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        authentication(builder.Services);
        WebApplication app = builder.Build();
        if (authenticated)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/orders", () => "orders").RequireAuthorization(policy!);
        }
        else
        {
            app.MapGet("/orders", () => "orders");
        }

        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    // Logto's token shape: ES384, typ at+jwt, the claims of a client_credentials token, one hour.
    private string Token(ECDsa signer)
    {
        DateTime now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Resource,
            IssuedAt = now,
            Expires = now.AddHours(1),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
                ["sub"] = "0abwje6lapoladyhew02x",
                ["client_id"] = "0abwje6lapoladyhew02x",
                ["scope"] = "read:orders",
            },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signer) { KeyId = _keyId }, SecurityAlgorithms.EcdsaSha384),
        });
    }

    private string PublicJwks()
    {
        ECParameters p = _key.ExportParameters(false);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "EC", ["use"] = "sig", ["kid"] = _keyId, ["alg"] = "ES384", ["crv"] = "P-384",
                    ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
                },
            },
        });
    }

    /// <summary>Logto's discovery document and JWKS, in memory.</summary>
    private sealed class LogtoKeysHandler(string jwks) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = request.RequestUri!.AbsolutePath switch
            {
                "/oidc/.well-known/openid-configuration" => JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["issuer"] = Issuer, ["jwks_uri"] = Issuer + "/jwks", ["token_endpoint"] = Issuer + "/token",
                }),
                "/oidc/jwks" => jwks,
                _ => throw new InvalidOperationException($"Unexpected {request.RequestUri}."),
            };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
