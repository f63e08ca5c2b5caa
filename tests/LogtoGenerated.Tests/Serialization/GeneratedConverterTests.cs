using System.Text.Json;
using LogtoGenerated.Models;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.Serialization;

/// <summary>
/// The generated readers and writers (<c>UserJsonConverter</c> and the others) in what System.Text.Json's generated
/// metadata did before them: where an error happened, required members, JSON null, escaped and repeated names, and
/// what the writer leaves out.
/// </summary>
public sealed class GeneratedConverterTests
{
    private const string MinimalUser =
        """{"id":"u1","customData":{},"identities":{},"createdAt":1,"updatedAt":2,"profile":{},"isSuspended":false,"applicationId":null}""";

    [Theory]
    [InlineData("""{"id":"u1","customData":{},"identities":{},"createdAt":"2024-01-01","updatedAt":2,"profile":{},"isSuspended":false}""", "$.createdAt", "timestamp")]
    [InlineData("""{"id":"u1","customData":{},"identities":{},"createdAt":1,"updatedAt":2,"profile":{"givenName":5},"isSuspended":false}""", "$.profile.givenName", "could not be converted to System.String")]
    [InlineData("""{"id":"u1","customData":{},"identities":{"github":{"target":"github","details":{}}},"createdAt":1,"updatedAt":2,"profile":{},"isSuspended":false}""", "$.identities.github", "'userId'")]
    [InlineData("""{"id":"u1","customData":{},"identities":{},"createdAt":1,"updatedAt":2,"profile":{},"isSuspended":"no"}""", "$.isSuspended", "could not be converted to System.Boolean")]
    [InlineData("""{"id":"u1","customData":[],"identities":{},"createdAt":1,"updatedAt":2,"profile":{},"isSuspended":false}""", "$.customData", "JsonObject")]
    public void A_read_error_says_where_in_the_json_it_happened(string json, string path, string reason)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User));

        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("Path: " + path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_a_list_item_names_the_items_index()
    {
        string json = "[" + MinimalUser + "," + MinimalUser.Replace("\"updatedAt\":2", "\"updatedAt\":true", StringComparison.Ordinal) + "]";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, JsonMetadata.Info<IReadOnlyList<User>>()));

        Assert.Equal("$[1].updatedAt", error.Path);
    }

    [Fact]
    public void An_error_inside_a_property_the_document_does_not_describe_names_that_property()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"profile":{"shoe size":[1,}}""", LogtoJsonContext.Default.User));

        Assert.Equal("$.profile['shoe size']", error.Path);
    }

    [Fact]
    public void Malformed_json_keeps_the_readers_line_and_position_after_the_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"profile":{"givenName":tru}}""", LogtoJsonContext.Default.User));

        Assert.Equal("$.profile.givenName", error.Path);
        Assert.Equal(0, error.LineNumber);
        Assert.Matches(@"Path: \$\.profile\.givenName \| LineNumber: 0 \| BytePositionInLine: \d+\.$", error.Message);
    }

    [Fact]
    public void Missing_required_properties_are_all_named_with_their_wire_names()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"u1","profile":{}}""", LogtoJsonContext.Default.User));

        Assert.Contains("'LogtoGenerated.Models.User' was missing required properties including: 'customData', 'identities', 'createdAt', 'updatedAt', 'isSuspended'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_is_read_as_null_and_a_null_value_type_is_an_error()
    {
        User user = JsonSerializer.Deserialize(MinimalUser.Replace("\"u1\"", "null", StringComparison.Ordinal), LogtoJsonContext.Default.User)!;
        Assert.Null(user.Id);
        Assert.Null(user.ApplicationId);
        Assert.Null(JsonSerializer.Deserialize("null", LogtoJsonContext.Default.User));

        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize(MinimalUser.Replace("\"isSuspended\":false", "\"isSuspended\":null", StringComparison.Ordinal), LogtoJsonContext.Default.User));
        Assert.Equal("$.isSuspended", error.Path);
    }

    [Fact]
    public void Escaped_names_match_their_property_and_a_repeated_property_keeps_its_last_value()
    {
        string json = MinimalUser.Replace("\"id\":\"u1\"", "\"\\u0069d\":\"u1\",\"name\":\"first\",\"name\":\"last\"", StringComparison.Ordinal);

        User user = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User)!;

        Assert.Equal("u1", user.Id);
        Assert.Equal("last", user.Name);
        Assert.Null(user.AdditionalData);
    }

    [Fact]
    public void A_user_read_and_written_back_keeps_its_values_and_unknown_properties_and_leaves_out_null_optional_ones()
    {
        string json = """{"id":"u1","username":null,"customData":{"a":[1,{"b":null}]},"identities":{"github":{"userId":"g1","details":{"x":1}}},"lastSignInAt":null,"createdAt":1700000000123,"updatedAt":2,"profile":{"givenName":"Ada","address":{"country":"UK"}},"isSuspended":true,"hasPassword":null,"passwordAlgorithm":"Argon2i","shoeSize":44}""";

        User user = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User)!;
        string written = JsonSerializer.Serialize(user, LogtoJsonContext.Default.User);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), user.CreatedAt);
        Assert.Equal(PasswordAlgorithm.Argon2i, user.PasswordAlgorithm);
        Assert.Equal("UK", user.Profile.Address!.Country);
        Assert.Equal(
            """{"id":"u1","username":null,"primaryEmail":null,"primaryPhone":null,"name":null,"avatar":null,"customData":{"a":[1,{"b":null}]},"identities":{"github":{"userId":"g1","details":{"x":1}}},"lastSignInAt":null,"createdAt":1700000000123,"updatedAt":2,"profile":{"givenName":"Ada","address":{"country":"UK"}},"applicationId":null,"cimdClientId":null,"isSuspended":true,"passwordAlgorithm":"Argon2i","shoeSize":44}""",
            written);
    }

    [Fact]
    public void A_tracked_property_read_as_null_is_written_back_as_null_and_an_unset_one_is_left_out()
    {
        UpdateUserRequest request = JsonSerializer.Deserialize("""{"username":null}""", JsonMetadata.Info<UpdateUserRequest>())!;

        Assert.Equal("""{"username":null}""", JsonSerializer.Serialize(request, JsonMetadata.Info<UpdateUserRequest>()));
        Assert.Equal("{}", JsonSerializer.Serialize(new UpdateUserRequest(), JsonMetadata.Info<UpdateUserRequest>()));
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_an_error_at_the_root()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("[1]", LogtoJsonContext.Default.User));

        Assert.Contains("could not be converted to LogtoGenerated.Models.User", error.Message, StringComparison.Ordinal);
    }
}
