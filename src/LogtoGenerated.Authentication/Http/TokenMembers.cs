using System.Globalization;
using System.Text.Json;

namespace LogtoGenerated.Http;

/// <summary>
/// The members of a token endpoint's response the client reads: of a token (<c>access_token</c>, <c>token_type</c>,
/// <c>expires_in</c>, <c>scope</c>) and of an error (<c>error</c>, <c>error_description</c>, Logto's <c>code</c>),
/// read in one pass with <see cref="Utf8JsonReader"/>: no document is built, and every other member is skipped. A
/// member of an unexpected JSON type reads as missing; when a member appears twice, the last one counts.
/// </summary>
internal sealed class TokenMembers
{
    private TokenMembers()
    {
    }

    /// <summary><c>access_token</c>, when it is a string.</summary>
    public string? AccessToken { get; private set; }

    /// <summary><c>token_type</c>, when it is a string.</summary>
    public string? TokenType { get; private set; }

    /// <summary><c>expires_in</c> in seconds, when it is a number or a string holding one.</summary>
    public double? ExpiresIn { get; private set; }

    /// <summary><c>scope</c>, when it is a string.</summary>
    public string? Scope { get; private set; }

    /// <summary><c>error</c> (OAuth's error code), when it is a string.</summary>
    public string? Error { get; private set; }

    /// <summary><c>error_description</c>, when it is a string.</summary>
    public string? ErrorDescription { get; private set; }

    /// <summary>Logto's own <c>code</c>, when it is a string.</summary>
    public string? Code { get; private set; }

    /// <summary>Reads a whole response body.</summary>
    /// <returns>The members, or <see langword="null"/> when the body is JSON but not an object.</returns>
    /// <exception cref="JsonException">The body is not JSON (trailing content included).</exception>
    public static TokenMembers? Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReadToEnd(ref reader);
            return null;
        }

        var members = new TokenMembers();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            Member member = NameOf(ref reader);
            reader.Read();
            members.Set(member, ref reader);
            reader.Skip();
        }

        ReadToEnd(ref reader);
        return members;
    }

    private enum Member
    {
        Other,
        AccessToken,
        TokenType,
        ExpiresIn,
        Scope,
        Error,
        ErrorDescription,
        Code,
    }

    private static Member NameOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("access_token"u8) ? Member.AccessToken
        : reader.ValueTextEquals("token_type"u8) ? Member.TokenType
        : reader.ValueTextEquals("expires_in"u8) ? Member.ExpiresIn
        : reader.ValueTextEquals("scope"u8) ? Member.Scope
        : reader.ValueTextEquals("error"u8) ? Member.Error
        : reader.ValueTextEquals("error_description"u8) ? Member.ErrorDescription
        : reader.ValueTextEquals("code"u8) ? Member.Code
        : Member.Other;

    private void Set(Member member, ref Utf8JsonReader reader)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        switch (member)
        {
            case Member.AccessToken:
                AccessToken = text;
                break;
            case Member.TokenType:
                TokenType = text;
                break;
            case Member.Scope:
                Scope = text;
                break;
            case Member.Error:
                Error = text;
                break;
            case Member.ErrorDescription:
                ErrorDescription = text;
                break;
            case Member.Code:
                Code = text;
                break;
            case Member.ExpiresIn:
                ExpiresIn = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number) ? number
                    : text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed
                    : null;
                break;
        }
    }

    /// <summary>Reads what is left of the body, so that malformed or trailing content is reported as not JSON.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        reader.Skip();
        while (reader.Read())
        {
        }
    }
}
