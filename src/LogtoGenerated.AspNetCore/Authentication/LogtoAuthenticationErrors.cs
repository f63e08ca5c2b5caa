using System.Globalization;
using LogtoGenerated.AspNetCore.SigningKeys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.AspNetCore.Authentication;

/// <summary>
/// The <c>WWW-Authenticate</c> answers (RFC 6750): a 401 says why the token was refused, in words that say what to do
/// and that quote nothing of the token; a 403 from a Logto policy says which scopes (or which organization) it lacks.
/// </summary>
internal static class LogtoAuthenticationErrors
{
    private static readonly object ForbiddenReasonKey = new();

    /// <summary>Sets the error and its description of a challenge that follows a refused token.</summary>
    public static void Describe(JwtBearerChallengeContext context, LogtoJwtBearerOptions logto)
    {
        if (context.AuthenticateFailure is not { } failure || !context.Options.IncludeErrorDetails)
        {
            return;
        }

        context.Error = "invalid_token";
        context.ErrorDescription = HeaderSafe(Describe(failure is AggregateException { InnerExceptions.Count: > 0 } many ? many.InnerExceptions[0] : failure, logto));
    }

    /// <summary>
    /// Records why a Logto policy refused an authenticated caller, for the 403's <c>WWW-Authenticate</c>. The first
    /// reason is kept: a policy checks the kind of token and the organization before the scopes.
    /// </summary>
    public static void RecordForbidden(HttpContext? httpContext, string description, IReadOnlyCollection<string>? scopes)
    {
        if (httpContext is not null)
        {
            httpContext.Items.TryAdd(ForbiddenReasonKey, new ForbiddenReason(description, scopes));
        }
    }

    /// <summary>Writes <c>WWW-Authenticate: Bearer error="insufficient_scope", ...</c> when a Logto policy refused the caller.</summary>
    public static void DescribeForbidden(ForbiddenContext context)
    {
        if (context.HttpContext.Items.TryGetValue(ForbiddenReasonKey, out object? value) && value is ForbiddenReason reason
            && !context.Response.HasStarted)
        {
            string header = "Bearer error=\"insufficient_scope\"";
            if (context.Options.IncludeErrorDetails)
            {
                header += $", error_description=\"{HeaderSafe(reason.Description)}\"";
            }

            if (reason.Scopes is { Count: > 0 } scopes)
            {
                header += $", scope=\"{HeaderSafe(string.Join(' ', scopes))}\"";
            }

            context.Response.Headers.WWWAuthenticate = header;
        }
    }

    private static string Describe(Exception failure, LogtoJwtBearerOptions logto) => failure switch
    {
        SecurityTokenExpiredException expired => string.Create(CultureInfo.InvariantCulture,
            $"The token expired at {expired.Expires:yyyy-MM-dd'T'HH:mm:ss'Z'}: get a new token from Logto."),
        SecurityTokenNotYetValidException notYet => string.Create(CultureInfo.InvariantCulture,
            $"The token is not valid before {notYet.NotBefore:yyyy-MM-dd'T'HH:mm:ss'Z'}: check the clocks of Logto and this API."),
        SecurityTokenNoExpirationException => "The token has no expiry (exp).",
        SecurityTokenInvalidAudienceException => logto.AcceptOrganizationTokens
            ? $"The token is not for this API: its audience must be {(logto.Resource is null ? "" : $"'{logto.Resource}' or ")}urn:logto:organization:<organization id>."
            : $"The token is not for this API: its audience must be '{logto.Resource}'. Request it with resource={logto.Resource}.",
        SecurityTokenInvalidIssuerException => $"The token was not issued by {logto.Issuer.AbsoluteUri.TrimEnd('/')}.",
        SecurityTokenInvalidTypeException => "The token is not an access token: its typ header must be at+jwt (ID tokens are not accepted).",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with an algorithm of Logto's signing keys.",
        SecurityTokenSignatureKeyNotFoundException { InnerException: LogtoSigningKeysException } =>
            "Logto's signing keys could not be read, so the token could not be checked: try again later.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with a key that Logto does not publish.",
        SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        SecurityTokenMalformedException or ArgumentException => "The token is not a well-formed JWT.",
        _ => "The token is not valid.",
    };

    // JwtBearer writes the description between quotes as it is: keep it to printable ASCII without quotes.
    private static string HeaderSafe(string value)
    {
        Span<char> buffer = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            buffer[i] = c is '"' or '\\' ? '\'' : c is < ' ' or > '~' ? '?' : c;
        }

        return new string(buffer);
    }

    private sealed record ForbiddenReason(string Description, IReadOnlyCollection<string>? Scopes);
}
