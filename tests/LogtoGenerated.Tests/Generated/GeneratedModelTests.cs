using System.Text.Json;
using LogtoGenerated.Models;

namespace LogtoGenerated.Tests.Generated;

/// <summary>Generated models on the wire: enums that tolerate new values, unions, extension data.</summary>
public sealed class GeneratedModelTests
{
    [Fact]
    public void Enum_UnknownValue_DeserializesAndRoundTrips()
    {
        var type = JsonSerializer.Deserialize("\"QuantumApp\"", LogtoJsonContext.Default.ApplicationType);

        Assert.False(type.IsKnown);
        Assert.Equal("QuantumApp", type.Value);
        Assert.Equal("\"QuantumApp\"", JsonSerializer.Serialize(type, LogtoJsonContext.Default.ApplicationType));
    }

    [Fact]
    public void Enum_KnownValue_EqualsItsStaticMember()
    {
        var type = JsonSerializer.Deserialize("\"SPA\"", LogtoJsonContext.Default.ApplicationType);

        Assert.True(type.IsKnown);
        Assert.Equal(ApplicationType.SPA, type);
        Assert.Contains(ApplicationType.SPA, ApplicationType.KnownValues);
    }

    [Fact]
    public void Union_WithDiscriminator_ReadsTheMatchingAlternative()
    {
        var union = JsonSerializer.Deserialize("""{"type":"BackupCode","codes":["a","b"]}""", LogtoJsonContext.Default.CreateUserMfaVerificationRequest)!;

        Assert.NotNull(union.BackupCode);
        Assert.Null(union.Totp);
        Assert.Equal(["a", "b"], union.BackupCode!.Codes!);
    }

    [Fact]
    public void Union_SerializesTheAlternativeItHolds()
    {
        CreateUserMfaVerificationRequest union = new CreateUserMfaVerificationTotpRequest { Secret = "JBSWY3DP" };

        Assert.Equal("""{"type":"Totp","secret":"JBSWY3DP"}""", JsonSerializer.Serialize(union, LogtoJsonContext.Default.CreateUserMfaVerificationRequest));
    }

    [Fact]
    public void Union_UnknownShape_IsKeptRawAndWrittenBackUnchanged()
    {
        const string json = """{"type":"Passkey2","whatever":[1,2]}""";

        var union = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.CreateUserMfaVerificationRequest)!;

        Assert.True(union.IsUnknown || union.WithSecret is not null);
        Assert.Equal(json, JsonSerializer.Serialize(union, LogtoJsonContext.Default.CreateUserMfaVerificationRequest).Replace("\"secret\":null,", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Object_UnknownProperties_AreKeptAndWrittenBack()
    {
        const string json = """{"id":"u1","customData":{},"identities":{},"createdAt":1,"updatedAt":2,"profile":{},"isSuspended":false,"futureField":{"a":1}}""";

        var user = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User)!;

        Assert.True(user.AdditionalData!.ContainsKey("futureField"));
        var written = JsonSerializer.Serialize(user, LogtoJsonContext.Default.User);
        Assert.Contains("\"futureField\":{\"a\":1}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_RequiredPropertyMissing_FailsWithTheWireName()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"username":"x"}""", LogtoJsonContext.Default.User));

        Assert.Contains("id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_RequiredNullableProperty_IsWrittenAsNull_OptionalNullIsLeftOut()
    {
        var user = new User
        {
            Id = "u1", PrimaryPhone = null, CustomData = [], Identities = new Dictionary<string, UserIdentity>(),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1), UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(2), Profile = new UserProfile(), IsSuspended = false,
        };

        var written = JsonSerializer.Serialize(user, LogtoJsonContext.Default.User);

        Assert.Contains("\"primaryPhone\":null", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"passwordDigest\"", written, StringComparison.Ordinal);
        Assert.Contains("\"customData\":{}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestPropertyWithAServerDefault_IsOptional_AndLeftOutWhenNotSet()
    {
        var role = new CreateOrganizationRoleRequest { Name = "viewer" };

        var written = JsonSerializer.Serialize(role, LogtoJsonContext.Default.CreateOrganizationRoleRequest);

        Assert.Equal("""{"name":"viewer"}""", written);
        Assert.Equal(
            """{"name":"viewer","resourceScopeIds":["s1"]}""",
            JsonSerializer.Serialize(new CreateOrganizationRoleRequest { Name = "viewer", ResourceScopeIds = ["s1"] }, LogtoJsonContext.Default.CreateOrganizationRoleRequest));
    }
}
