using System.Text.Json;
using System.Text.Json.Nodes;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.RequestBuilders.Logs;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.Serialization;

/// <summary>Logto's timestamps (numbers of milliseconds since the epoch) as <see cref="DateTimeOffset"/>: converters, generated models, query strings.</summary>
public sealed class EpochMillisecondsTests
{
    private static readonly JsonSerializerOptions Required = new() { Converters = { new EpochMillisecondsConverter() } };

    private static readonly JsonSerializerOptions Nullable = new() { Converters = { new NullableEpochMillisecondsConverter() } };

    [Fact]
    public void IntegerMilliseconds_AreReadAsThatInstantInUtc()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("1700000000123", Required);

        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, 123, TimeSpan.Zero), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void FractionalMilliseconds_AreReadToTheNearestTick()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("1700000000123.5", Required);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123).AddTicks(5_000), value);
    }

    [Theory]
    [InlineData("1.7E12", 1_700_000_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("-1000", -1000L)]
    public void ExponentZeroAndNegativeNumbers_AreRead(string json, long milliseconds)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), JsonSerializer.Deserialize<DateTimeOffset>(json, Required));
    }

    [Fact]
    public void Instant_IsWrittenAsAWholeNumberOfMilliseconds()
    {
        var value = DateTimeOffset.FromUnixTimeMilliseconds(1700000000123).AddTicks(9_999);

        Assert.Equal("1700000000123", JsonSerializer.Serialize(value, Required));
    }

    [Fact]
    public void InstantWithAnOffset_IsWrittenAsTheSameInstant()
    {
        var value = new DateTimeOffset(2023, 11, 15, 0, 13, 20, 123, TimeSpan.FromHours(2));

        Assert.Equal("1700000000123", JsonSerializer.Serialize(value, Required));
    }

    [Theory]
    [InlineData("253402300800000")]
    [InlineData("-62135596800001")]
    [InlineData("1e300")]
    [InlineData("99999999999999999999999")]
    public void NumberOutsideTheRangeOfDateTimeOffset_IsAJsonExceptionSayingSo(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Required));

        Assert.Contains("outside the range of DateTimeOffset", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2023-11-14T22:13:20Z\"", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("{}", "an object")]
    public void NonNumber_IsAJsonExceptionNamingWhatWasFound(string json, string found)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Required));

        Assert.Contains("milliseconds since 1970-01-01T00:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullableConverter_ReadsAndWritesNullAsNull()
    {
        Assert.Null(JsonSerializer.Deserialize<DateTimeOffset?>("null", Nullable));
        Assert.Equal("null", JsonSerializer.Serialize<DateTimeOffset?>(null, Nullable));
        Assert.Equal("1700000000123", JsonSerializer.Serialize<DateTimeOffset?>(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), Nullable));
    }

    [Fact]
    public void GeneratedUser_ReadsCreatedAtAsDateTimeOffset_AndWritesItBackAsTheSameNumber()
    {
        const string json = """
            {"id":"u1","username":"ada","primaryEmail":null,"primaryPhone":null,"name":null,"avatar":null,"customData":{},"identities":{},
             "lastSignInAt":1700000000999,"createdAt":1700000000123,"updatedAt":1700000000456,"profile":{},"applicationId":null,"isSuspended":false}
            """;

        var user = JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000123), user.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000456), user.UpdatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000999), user.LastSignInAt);
        var written = JsonNode.Parse(JsonSerializer.Serialize(user, LogtoJsonContext.Default.User))!;
        Assert.Equal(1700000000123L, written["createdAt"]!.GetValue<long>());
        Assert.Equal(1700000000456L, written["updatedAt"]!.GetValue<long>());
        Assert.Equal(1700000000999L, written["lastSignInAt"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Number, written["createdAt"]!.GetValueKind());
    }

    [Fact]
    public void GeneratedUser_RequiredNullableLastSignInAt_IsWrittenAsNullWhenNull()
    {
        var user = new User
        {
            Id = "u1", CustomData = [], Identities = new Dictionary<string, UserIdentity>(), Profile = new UserProfile(), IsSuspended = false,
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        var written = JsonSerializer.Serialize(user, LogtoJsonContext.Default.User);

        Assert.Contains("\"lastSignInAt\":null", written, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\":0", written, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedUser_CreatedAtAsAnIsoString_IsAJsonException()
    {
        const string json = """{"id":"u1","customData":{},"identities":{},"lastSignInAt":null,"createdAt":"2023-11-14T22:13:20Z","updatedAt":0,"profile":{},"isSuspended":false}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LogtoJsonContext.Default.User));
    }

    [Fact]
    public void QueryString_TimestampIsSentAsWholeMilliseconds_NullAddsNothing()
    {
        var query = new QueryStringBuilder();

        query.AddEpochMilliseconds("start_time", DateTimeOffset.FromUnixTimeMilliseconds(1700000000123).AddTicks(42));
        query.AddEpochMilliseconds("end_time", null);

        Assert.Equal("start_time=1700000000123", query.ToString());
    }

    [Fact]
    public void GeneratedLogsQuery_WritesTheTimeWindowAsMilliseconds()
    {
        var parameters = new ListLogsQueryParameters
        {
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1700000000000),
            EndTime = new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.Zero),
        };
        var query = new QueryStringBuilder();

        ((IQueryParameters)parameters).WriteTo(query);

        Assert.Equal("start_time=1700000000000&end_time=1700006400000", query.ToString());
    }
}
