using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LogtoGenerated.Authentication;
using LogtoGenerated.Models;
using LogtoGenerated.Serialization;
using LogtoGenerated.Tests.Http;
using LogtoGenerated.Tests.Infrastructure;

namespace LogtoGenerated.Tests.Generated;

/// <summary>
/// PATCH bodies tell "not set" from "set to null": only the properties the caller set (or that were read from
/// JSON) are sent, and null is sent as JSON null so that Logto clears the field. Response models are unaffected.
/// </summary>
public sealed class PatchBodyTests : PipelineTestBase
{
    private async Task<RecordedRequest> PatchUserAsync(UpdateUserRequest body)
    {
        Server.RespondWithRecording("03-create-user-1.txt");
        User updated = await Client.Users["u1"].PatchAsync(body);
        Assert.Equal("0v6t4aelt1uj", updated.Id);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/api/users/u1", request.Path);
        Assert.StartsWith("application/json", request.ContentType);
        return request;
    }

    [Fact]
    public async Task PatchUser_SendsExactlyTheSetProperties_WithNullAsJsonNull()
    {
        var request = await PatchUserAsync(new UpdateUserRequest { PrimaryPhone = null, Name = "Ada" });

        Assert.Equal("""{"primaryPhone":null,"name":"Ada"}""", request.BodyText);
    }

    [Fact]
    public async Task PatchUser_WithNothingSet_SendsAnEmptyObject()
    {
        var request = await PatchUserAsync(new UpdateUserRequest());

        Assert.Equal("{}", request.BodyText);
    }

    [Fact]
    public async Task PatchUser_PropertyThatMayNotBeNull_IsLeftOutWhenNull()
    {
        // customData and profile are optional but not nullable in Logto's document: null would be rejected, so it means "not set".
        var request = await PatchUserAsync(new UpdateUserRequest { CustomData = null, Profile = null, Avatar = null });

        Assert.Equal("""{"avatar":null}""", request.BodyText);
    }

    [Fact]
    public async Task PatchUser_AdditionalDataIsSentAfterTheSetProperties()
    {
        var body = new UpdateUserRequest
        {
            Username = null,
            AdditionalData = new Dictionary<string, JsonElement> { ["futureField"] = JsonDocument.Parse("[1,null]").RootElement },
        };

        var request = await PatchUserAsync(body);

        Assert.Equal("""{"username":null,"futureField":[1,null]}""", request.BodyText);
    }

    [Fact]
    public void UpdateUserRequest_ReadThenWritten_KeepsNullsThatCameIn_LeavesOutWhatWasAbsent_AndKeepsUnknownProperties()
    {
        const string json = """{"primaryPhone":null,"name":"Ada","customData":{"a":1},"futureField":{"b":[1,null]}}""";

        var body = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.UpdateUserRequest)!;

        Assert.Null(body.PrimaryPhone);
        Assert.True(body.PrimaryPhonePresence.IsSet);
        Assert.False(body.UsernamePresence.IsSet);
        Assert.Equal("Ada", body.Name);
        Assert.True(body.AdditionalData!.ContainsKey("futureField"));
        Assert.Equal(json, JsonSerializer.Serialize(body, LogtoJsonContext.Default.UpdateUserRequest));
    }

    [Fact]
    public void UpdateUserRequest_PropertiesReadBackTheLastValueAssigned()
    {
        var body = new UpdateUserRequest { PrimaryPhone = "123" };
        Assert.Equal("123", body.PrimaryPhone);

        body.PrimaryPhone = null;

        Assert.Null(body.PrimaryPhone);
        Assert.Null(body.Username);
        Assert.Equal("""{"primaryPhone":null}""", JsonSerializer.Serialize(body, LogtoJsonContext.Default.UpdateUserRequest));
    }

    [Fact]
    public void NestedObjectOfAPatchBody_SendsItsSetNullsToo()
    {
        var body = new UpdateConnectorRequest { Metadata = new ConnectorMetadata { Target = "t", LogoDark = null } };

        Assert.Equal("""{"metadata":{"target":"t","logoDark":null}}""", JsonSerializer.Serialize(body, LogtoJsonContext.Default.UpdateConnectorRequest));
    }

    [Fact]
    public void ResponseModel_ReadThenWritten_StillLeavesOutOptionalNulls()
    {
        const string json = """{"id":"u1","username":null,"customData":{},"identities":{},"createdAt":1,"updatedAt":2,"profile":{},"isSuspended":false,"passwordDigest":null}""";

        var user = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User)!;
        var written = JsonSerializer.Serialize(user, LogtoJsonContext.Default.User);

        Assert.Contains("\"username\":null", written, StringComparison.Ordinal); // required and nullable: always written
        Assert.DoesNotContain("passwordDigest", written, StringComparison.Ordinal); // optional: left out when null
        Assert.DoesNotContain(typeof(User).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Presence<>));
    }

    [Fact]
    public void EveryTrackedProperty_WritesNullAndReadsItBackAsSet_ThroughTheGeneratedContext()
    {
        // Every Presence<T> the generated models use must find T's metadata in LogtoJsonContext (no reflection fallback).
        var tracked = (
            from type in typeof(LogtoJsonContext).Assembly.GetTypes()
            where type.Namespace == "LogtoGenerated.Models" && type.IsClass
            from property in type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            where property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Presence<>)
            select (Type: type, Property: property)).ToList();

        Assert.Contains(tracked, t => t.Type == typeof(UpdateUserRequest) && t.Property.Name == nameof(UpdateUserRequest.PrimaryPhonePresence));
        foreach (var (type, property) in tracked)
        {
            var wireName = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
            var typeInfo = LogtoJsonContext.Default.GetTypeInfo(type)!;
            var model = Activator.CreateInstance(type)!;
            property.SetValue(model, Activator.CreateInstance(property.PropertyType, [null]));

            var written = JsonNode.Parse(JsonSerializer.Serialize(model, typeInfo))!.AsObject();
            Assert.True(written.TryGetPropertyValue(wireName, out var value) && value is null, $"{type.Name}.{property.Name} was not written as \"{wireName}\":null: {written.ToJsonString()}");

            var read = JsonSerializer.Deserialize(written.ToJsonString(), typeInfo)!;
            var presence = property.GetValue(read)!;
            Assert.True((bool)property.PropertyType.GetProperty(nameof(Presence<object>.IsSet))!.GetValue(presence)!, $"{type.Name}.{property.Name} read from null is not set.");
        }
    }
}
