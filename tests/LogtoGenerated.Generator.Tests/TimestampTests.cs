using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Logto's timestamps, numbers of milliseconds since the epoch: which numbers are timestamps (a <c>number</c> property
/// named <c>...At</c>, the <c>start_time</c>/<c>end_time</c> query parameters), the exceptions Logto fills with seconds,
/// and how they are declared and written.
/// </summary>
public class TimestampTests
{
    private const string Converters = "global::LogtoGenerated.Serialization.";

    private const string Thing = """
        {
          "type": "object",
          "required": ["id", "createdAt", "updatedAt", "exp"],
          "properties": {
            "id": { "type": "string" },
            "createdAt": { "type": "number" },
            "updatedAt": { "type": "integer" },
            "lastSignInAt": { "type": "number", "nullable": true },
            "expiresAt": { "type": "number" },
            "lastUsedAt": { "type": "string", "format": "date-time" },
            "deletedAt": { "type": "string" },
            "exp": { "type": "number" },
            "iat": { "type": "number" },
            "validPeriodDays": { "type": "number" },
            "durationAt": { "type": "array", "items": { "type": "number" } },
            "STAT": { "type": "number" }
          }
        }
        """;

    private const string OidcKeys = """
        { "type": "array", "items": { "type": "object", "required": ["id", "createdAt"], "properties": {
            "id": { "type": "string" }, "createdAt": { "type": "number" }, "effectiveAt": { "type": "number" } } } }
        """;

    private const string Identity = """
        { "type": "object", "properties": { "tokenSecret": { "type": "object", "properties": {
            "createdAt": { "type": "number" },
            "metadata": { "type": "object", "required": ["hasRefreshToken"], "properties": {
                "hasRefreshToken": { "type": "boolean" }, "expiresAt": { "type": "number" } } } } } } }
        """;

    private const string Patch = """
        { "type": "object", "properties": { "name": { "type": "string" }, "expiresAt": { "type": "number", "nullable": true } } }
        """;

    private const string LogParameters = """
        [
          { "name": "start_time", "in": "query", "schema": { "type": "string" } },
          { "name": "end_time", "in": "query", "schema": { "type": "number" } },
          { "name": "startTime", "in": "query", "schema": { "type": "string" } },
          { "name": "page_size", "in": "query", "schema": { "type": "integer" } }
        ]
        """;

    private static readonly OpenApiDocument Document = new OpenApiDocument()
        .Get("/api/things/{id}", "GetThing", response: Thing)
        .Patch("/api/things/{id}", "UpdateThing", body: Patch)
        .Get("/api/configs/oidc/{keyType}", "GetOidcKeys", response: OidcKeys)
        .Get("/api/users/{userId}/identities/{target}", "GetUserIdentity", response: Identity)
        .Get("/api/logs", "ListLogs", response: """{ "type": "array", "items": { "type": "string" } }""", parameters: LogParameters);

    private static readonly ApiSpec Model = Document.BuildSpec();

    private static readonly SortedDictionary<string, string> Files = Document.Generate();

    private static ObjectSpec ThingType => (ObjectSpec)Model.ResponseType("GetThing");

    private static PrimitiveKind? KindOf(ObjectSpec type, string wireName) => (type.Property(wireName).Type.Type as PrimitiveShape)?.Kind;

    [Theory]
    [InlineData("createdAt")]
    [InlineData("updatedAt")]
    [InlineData("lastSignInAt")]
    [InlineData("expiresAt")]
    public void NumberPropertyNamedLikeATimestampIsEpochMilliseconds(string wireName)
    {
        Assert.Equal(PrimitiveKind.EpochMilliseconds, KindOf(ThingType, wireName));
    }

    [Theory]
    [InlineData("exp", nameof(PrimitiveKind.Double))]
    [InlineData("iat", nameof(PrimitiveKind.Double))]
    [InlineData("validPeriodDays", nameof(PrimitiveKind.Double))]
    [InlineData("STAT", nameof(PrimitiveKind.Double))]
    [InlineData("deletedAt", nameof(PrimitiveKind.String))]
    [InlineData("lastUsedAt", nameof(PrimitiveKind.DateTimeOffset))]
    public void OtherNumbersAndStringsKeepTheirKind(string wireName, string expected)
    {
        Assert.Equal(Enum.Parse<PrimitiveKind>(expected), KindOf(ThingType, wireName));
    }

    [Fact]
    public void ListOfNumbersNamedLikeATimestampStaysAListOfNumbers()
    {
        var list = Assert.IsType<ListShape>(ThingType.Property("durationAt").Type.Type);
        Assert.Equal(new PrimitiveShape(PrimitiveKind.Double), list.Item.Type);
    }

    [Fact]
    public void OidcKeyCreatedAtIsSecondsSoStaysANumber_WhileItsEffectiveAtIsATimestamp()
    {
        var key = (ObjectSpec)Model.ResponseType("GetOidcKeys");

        Assert.Equal(PrimitiveKind.Double, KindOf(key, "createdAt"));
        Assert.Equal(PrimitiveKind.EpochMilliseconds, KindOf(key, "effectiveAt"));
    }

    [Fact]
    public void TokenSetMetadataExpiresAtIsSecondsSoStaysANumber_WhileTheSecretsCreatedAtIsATimestamp()
    {
        var secret = (ObjectSpec)((ObjectSpec)Model.ResponseType("GetUserIdentity")).Property("tokenSecret").Type.ModelOf();
        var metadata = (ObjectSpec)secret.Property("metadata").Type.ModelOf();

        Assert.Equal(PrimitiveKind.Double, KindOf(metadata, "expiresAt"));
        Assert.Equal(PrimitiveKind.EpochMilliseconds, KindOf(secret, "createdAt"));
    }

    [Fact]
    public void RequiredTimestampIsARequiredDateTimeOffsetWithTheEpochMillisecondsConverter()
    {
        var createdAt = new GeneratedSource(Files.ModelFile("Thing")).Property("CreatedAt");

        Assert.Equal("public required global::System.DateTimeOffset CreatedAt", GeneratedSource.Signature(createdAt));
        Assert.Contains($"global::System.Text.Json.Serialization.JsonConverter(typeof({Converters}EpochMillisecondsConverter))", GeneratedSource.Attributes(createdAt));
    }

    [Fact]
    public void OptionalOrNullableTimestampIsANullableDateTimeOffsetWithTheNullableConverter()
    {
        var source = new GeneratedSource(Files.ModelFile("Thing"));

        foreach (var name in new[] { "LastSignInAt", "ExpiresAt" })
        {
            var property = source.Property(name);
            Assert.Equal($"public global::System.DateTimeOffset? {name}", GeneratedSource.Signature(property));
            Assert.Contains($"global::System.Text.Json.Serialization.JsonConverter(typeof({Converters}NullableEpochMillisecondsConverter))", GeneratedSource.Attributes(property));
        }
    }

    [Fact]
    public void IsoDateTimeStringHasNoEpochConverter()
    {
        var lastUsedAt = new GeneratedSource(Files.ModelFile("Thing")).Property("LastUsedAt");

        Assert.Equal("public global::System.DateTimeOffset? LastUsedAt", GeneratedSource.Signature(lastUsedAt));
        Assert.DoesNotContain(GeneratedSource.Attributes(lastUsedAt), a => a.Contains("EpochMilliseconds", StringComparison.Ordinal));
    }

    [Fact]
    public void TrackedTimestampOfAPatchBodyUsesTheEpochMillisecondsPresenceConverter()
    {
        var body = (ObjectSpec)Model.BodyType("UpdateThing");
        Assert.True(body.Property("expiresAt").TracksPresence);

        var presence = new GeneratedSource(Files.ModelFile("UpdateThingRequest")).Property(body.Property("expiresAt").PresenceName);
        Assert.Contains($"global::System.Text.Json.Serialization.JsonConverter(typeof({Converters}EpochMillisecondsPresenceConverter))", GeneratedSource.Attributes(presence));
    }

    [Fact]
    public void LogTimeWindowQueryParametersAreTimestampsWrittenAsMilliseconds_OtherParametersAreNot()
    {
        var operation = Model.Operation("ListLogs");
        Assert.Equal(new PrimitiveShape(PrimitiveKind.EpochMilliseconds), operation.OptionalQuery.Single(p => p.WireName == "start_time").Type.Type);
        Assert.Equal(new PrimitiveShape(PrimitiveKind.EpochMilliseconds), operation.OptionalQuery.Single(p => p.WireName == "end_time").Type.Type);
        Assert.Equal(new PrimitiveShape(PrimitiveKind.String), operation.OptionalQuery.Single(p => p.WireName == "startTime").Type.Type);

        var logs = new GeneratedSource(Files["RequestBuilders/Logs/LogsRequestBuilder.cs"]);
        Assert.Equal("public global::System.DateTimeOffset? StartTime", GeneratedSource.Signature(logs.Property("StartTime")));
        Assert.Contains("query.AddEpochMilliseconds(\"start_time\", StartTime);", logs.Text, StringComparison.Ordinal);
        Assert.Contains("query.AddEpochMilliseconds(\"end_time\", EndTime);", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TimestampsRoundTripAsTheSameNumberThroughTheCompiledModels()
    {
        var result = GeneratedCompilation.Compile(Files);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, CompilationResult.Describe(problems));
        var assembly = result.Load();
        var context = (System.Text.Json.Serialization.JsonSerializerContext)assembly.GetType("LogtoGenerated.LogtoJsonContext", throwOnError: true)!
            .GetProperty("Default")!.GetValue(null)!;
        var type = assembly.GetType("LogtoGenerated.Models.Thing", throwOnError: true)!;
        const string json = """{"id":"t1","createdAt":1700000000123,"updatedAt":1700000000456,"exp":1700000000}""";

        var thing = System.Text.Json.JsonSerializer.Deserialize(json, context.GetTypeInfo(type)!)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), type.GetProperty("CreatedAt")!.GetValue(thing));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(thing, context.GetTypeInfo(type)!));
    }
}
