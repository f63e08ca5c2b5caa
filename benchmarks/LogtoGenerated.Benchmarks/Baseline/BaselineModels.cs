using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LogtoGenerated.Benchmarks.Baseline;

// Hand-written DTOs of the same shape as the generated models: the same properties and .NET types, required where
// the document requires them, unknown properties kept. Only what the benchmarked calls send and receive.

public sealed class BaselineUser
{
    [JsonPropertyName("id")] public required string Id { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("primaryEmail")] public string? PrimaryEmail { get; set; }
    [JsonPropertyName("primaryPhone")] public string? PrimaryPhone { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
    [JsonPropertyName("customData")] public required JsonObject CustomData { get; set; }
    [JsonPropertyName("identities")] public required Dictionary<string, BaselineUserIdentity> Identities { get; set; }
    [JsonPropertyName("lastSignInAt")] public double? LastSignInAt { get; set; }
    [JsonPropertyName("createdAt")] public required double CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public required double UpdatedAt { get; set; }
    [JsonPropertyName("profile")] public required BaselineUserProfile Profile { get; set; }
    [JsonPropertyName("applicationId")] public string? ApplicationId { get; set; }
    [JsonPropertyName("cimdClientId")] public string? CimdClientId { get; set; }
    [JsonPropertyName("isSuspended")] public required bool IsSuspended { get; set; }
    [JsonPropertyName("hasPassword")] public bool? HasPassword { get; set; }
    [JsonPropertyName("hasSecurityVerificationMethod")] public bool? HasSecurityVerificationMethod { get; set; }
    [JsonPropertyName("ssoIdentities")] public List<JsonObject>? SsoIdentities { get; set; }
    [JsonPropertyName("passwordDigest")] public string? PasswordDigest { get; set; }
    [JsonPropertyName("passwordAlgorithm")] public string? PasswordAlgorithm { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class BaselineUserIdentity
{
    [JsonPropertyName("userId")] public required string UserId { get; set; }
    [JsonPropertyName("details")] public JsonObject? Details { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class BaselineUserProfile
{
    [JsonPropertyName("familyName")] public string? FamilyName { get; set; }
    [JsonPropertyName("givenName")] public string? GivenName { get; set; }
    [JsonPropertyName("middleName")] public string? MiddleName { get; set; }
    [JsonPropertyName("nickname")] public string? Nickname { get; set; }
    [JsonPropertyName("preferredUsername")] public string? PreferredUsername { get; set; }
    [JsonPropertyName("profile")] public string? Profile { get; set; }
    [JsonPropertyName("website")] public string? Website { get; set; }
    [JsonPropertyName("gender")] public string? Gender { get; set; }
    [JsonPropertyName("birthdate")] public string? Birthdate { get; set; }
    [JsonPropertyName("zoneinfo")] public string? Zoneinfo { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("address")] public BaselineUserProfileAddress? Address { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class BaselineUserProfileAddress
{
    [JsonPropertyName("formatted")] public string? Formatted { get; set; }
    [JsonPropertyName("streetAddress")] public string? StreetAddress { get; set; }
    [JsonPropertyName("locality")] public string? Locality { get; set; }
    [JsonPropertyName("region")] public string? Region { get; set; }
    [JsonPropertyName("postalCode")] public string? PostalCode { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}

/// <summary><c>POST /api/users</c>; null properties are left out.</summary>
public sealed class BaselineCreateUserRequest
{
    [JsonPropertyName("primaryPhone")] public string? PrimaryPhone { get; set; }
    [JsonPropertyName("primaryEmail")] public string? PrimaryEmail { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("password")] public string? Password { get; set; }
    [JsonPropertyName("passwordDigest")] public string? PasswordDigest { get; set; }
    [JsonPropertyName("passwordAlgorithm")] public string? PasswordAlgorithm { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
    [JsonPropertyName("customData")] public JsonObject? CustomData { get; set; }
    [JsonPropertyName("profile")] public BaselineUserProfile? Profile { get; set; }
}

/// <summary><c>PATCH /api/users/{userId}</c>; null properties are left out (so this DTO cannot clear a field).</summary>
public sealed class BaselineUpdateUserRequest
{
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("primaryEmail")] public string? PrimaryEmail { get; set; }
    [JsonPropertyName("primaryPhone")] public string? PrimaryPhone { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
    [JsonPropertyName("customData")] public JsonObject? CustomData { get; set; }
    [JsonPropertyName("profile")] public BaselineUserProfile? Profile { get; set; }
}

/// <summary>The token endpoint's answer.</summary>
public sealed class BaselineTokenResponse
{
    [JsonPropertyName("access_token")] public required string AccessToken { get; set; }
    [JsonPropertyName("expires_in")] public required int ExpiresIn { get; set; }
    [JsonPropertyName("token_type")] public string? TokenType { get; set; }
    [JsonPropertyName("scope")] public string? Scope { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BaselineUser))]
[JsonSerializable(typeof(List<BaselineUser>))]
[JsonSerializable(typeof(BaselineCreateUserRequest))]
[JsonSerializable(typeof(BaselineUpdateUserRequest))]
[JsonSerializable(typeof(BaselineTokenResponse))]
public sealed partial class BaselineJsonContext : JsonSerializerContext;
