using System.Net.Http.Headers;

namespace LogtoGenerated.Authentication;

/// <summary>An access token issued by Logto's token endpoint, as cached by <see cref="LogtoTokenCache"/>.</summary>
/// <remarks><see cref="ToString"/> never shows the token itself.</remarks>
public sealed class LogtoAccessToken
{
    internal LogtoAccessToken(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt, DateTimeOffset refreshAt, IReadOnlyList<string> scopes, string? organizationId = null)
    {
        OrganizationId = organizationId;
        Value = value;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        RefreshAt = refreshAt;
        Scopes = scopes;
        AuthorizationHeader = new AuthenticationHeaderValue("Bearer", value);
    }

    /// <summary>The token, to send as <c>Authorization: Bearer {Value}</c>. Keep it out of logs.</summary>
    public string Value { get; }

    /// <summary>When the token was received (by the client's clock).</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the token expires: <see cref="IssuedAt"/> plus Logto's <c>expires_in</c>.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>From when the cache replaces this token with a fresh one.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>The scopes Logto granted (its <c>scope</c> field), sorted.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>
    /// The organization the token is for (<see cref="LogtoClientCredentialsOptions.OrganizationId"/>), or
    /// <see langword="null"/> for a token of a global API resource.
    /// </summary>
    public string? OrganizationId { get; }

    /// <summary>The <c>Authorization</c> header value; immutable, shared by every request that uses this token.</summary>
    internal AuthenticationHeaderValue AuthorizationHeader { get; }

    /// <summary>Describes the token without revealing it.</summary>
    /// <returns>The expiry and scopes.</returns>
    public override string ToString() =>
        "LogtoAccessToken (value hidden, expires " + ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)
        + ", scopes: " + (Scopes.Count == 0 ? "none" : string.Join(' ', Scopes))
        + (OrganizationId is null ? "" : ", organization " + OrganizationId) + ")";
}
