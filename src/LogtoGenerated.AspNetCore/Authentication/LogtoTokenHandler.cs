using System.Security.Claims;
using LogtoGenerated.AspNetCore.SigningKeys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.AspNetCore.Authentication;

/// <summary>
/// The token handler <c>AddLogtoJwtBearer</c> gives ASP.NET Core's JWT bearer handler: it validates with Logto's
/// current signing keys and their algorithms (reading the keys again for a key id not seen yet), and remembers
/// validated tokens so that a token used again costs a hash and a lookup instead of a signature check.
/// </summary>
internal sealed class LogtoTokenHandler : JsonWebTokenHandler
{
    private readonly LogtoSigningKeys _keys;
    private readonly ValidatedTokenCache _cache;

    public LogtoTokenHandler(LogtoSigningKeys keys, ValidatedTokenCache cache)
    {
        _keys = keys;
        _cache = cache;
        MapInboundClaims = false;
        keys.KeysChanged += _ => cache.Clear();
    }

    /// <summary>The cache of validated tokens (for tests and diagnostics).</summary>
    internal ValidatedTokenCache Cache => _cache;

    /// <inheritdoc/>
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        bool remember = _cache.TryGetKey(token, out ValidatedTokenCache.TokenHash key);
        if (remember && _keys.Current is { } known
            && _cache.TryGet(key, known.Version, out ClaimsIdentity? cachedIdentity, out SecurityToken? cachedToken))
        {
            return new TokenValidationResult
            {
                IsValid = true,
                ClaimsIdentity = cachedIdentity,
                SecurityToken = cachedToken,
                Issuer = cachedToken!.Issuer,
                TokenType = JwtAccessTokenType,
            };
        }

        if (token.Length > MaximumTokenSizeInBytes)
        {
            return Invalid(new SecurityTokenMalformedException($"The token is longer than {MaximumTokenSizeInBytes} characters."));
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return Invalid(new SecurityTokenMalformedException("The token is not a JWT (three base64url parts: header, payload, signature).", e));
        }

        SigningKeySet keys;
        try
        {
            keys = await _keys.GetAsync().ConfigureAwait(false);
        }
        catch (LogtoSigningKeysException e)
        {
            return Invalid(new SecurityTokenSignatureKeyNotFoundException(e.Message, e));
        }

        string? keyId = jwt.TryGetHeaderValue(JwtHeaderParameterNames.Kid, out string? kid) ? kid : null;
        if (keyId is null || !keys.HasKey(keyId))
        {
            keys = await _keys.GetForUnknownKeyAsync(keyId, keys).ConfigureAwait(false);
        }

        validationParameters.IssuerSigningKeys = keys.Keys;
        validationParameters.ValidAlgorithms = keys.Algorithms;
        TokenValidationResult result = await ValidateTokenAsync(jwt, validationParameters).ConfigureAwait(false);
        if (result.IsValid && remember && result.ClaimsIdentity is { } identity)
        {
            _cache.Add(key, token.Length, identity, jwt, keys.Version);
        }

        return result;
    }

    private const string JwtAccessTokenType = "at+jwt";

    private static TokenValidationResult Invalid(Exception exception) => new() { IsValid = false, Exception = exception };
}
