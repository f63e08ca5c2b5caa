using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogtoGenerated.Serialization;

/// <summary>
/// Reads and writes Logto's timestamps: JSON numbers of milliseconds since 1970-01-01T00:00:00Z, which are
/// <see cref="DateTimeOffset"/> values (in UTC) on the C# side.
/// </summary>
/// <remarks>
/// Logto writes whole milliseconds; a fractional number is read too, to the nearest tick (100 ns). Values are always
/// written as a whole number of milliseconds (<see cref="DateTimeOffset.ToUnixTimeMilliseconds"/>), so a timestamp read
/// from Logto is sent back as the same number. Anything but a number, or a number outside the range of
/// <see cref="DateTimeOffset"/>, is a <see cref="JsonException"/>.
/// </remarks>
internal static class EpochMilliseconds
{
    private static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads the number the reader is on as a point in time.</summary>
    /// <param name="reader">The reader, on a number token.</param>
    /// <returns>The point in time, with a zero offset.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is outside the range of <see cref="DateTimeOffset"/>.</exception>
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException(
                $"Expected a timestamp as a number of milliseconds since 1970-01-01T00:00:00Z, but found {Describe(reader.TokenType)}.");
        }

        if (reader.TryGetInt64(out long milliseconds))
        {
            if (milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds)
            {
                throw OutOfRange(milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        // A fractional number, or an integer too large for a long.
        if (!reader.TryGetDouble(out double value))
        {
            throw OutOfRange(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan));
        }

        double ticks = Math.Round(value * TimeSpan.TicksPerMillisecond);
        double unixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
        if (!double.IsFinite(ticks) || ticks + unixEpochTicks < DateTimeOffset.MinValue.UtcTicks || ticks + unixEpochTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw OutOfRange(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (long)ticks, TimeSpan.Zero);
    }

    /// <summary>Writes a point in time as its whole number of milliseconds since the epoch.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The point in time.</param>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
    }

    private static JsonException OutOfRange(string value) => new(
        $"The timestamp {value} (milliseconds since 1970-01-01T00:00:00Z) is outside the range of DateTimeOffset " +
        $"({MinMilliseconds} to {MaxMilliseconds}).");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>
/// The converter of a <see cref="DateTimeOffset"/> property that Logto writes as a number of milliseconds since the
/// epoch (see <see cref="EpochMilliseconds"/>): of required, non-nullable ones through <c>[JsonConverter]</c>, and of
/// every such property (nullable and presence-tracked ones included) in the generated readers and writers.
/// </summary>
internal sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The converter the generated readers and writers use.</summary>
    public static EpochMillisecondsConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EpochMilliseconds.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        EpochMilliseconds.Write(writer, value);
}

/// <summary>
/// The converter of a nullable <see cref="DateTimeOffset"/> property that Logto writes as a number of milliseconds
/// since the epoch (see <see cref="EpochMilliseconds"/>); JSON <c>null</c> is <see langword="null"/>.
/// </summary>
internal sealed class NullableEpochMillisecondsConverter : JsonConverter<DateTimeOffset?>
{
    /// <summary>JSON <c>null</c> is read and written here, as <see langword="null"/>.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : EpochMilliseconds.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            EpochMilliseconds.Write(writer, timestamp);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>
/// The converter of a presence-tracked timestamp of a PATCH body (see <see cref="Presence{T}"/>): the value is written
/// as a number of milliseconds since the epoch, or as JSON <c>null</c> when it was set to <see langword="null"/>.
/// </summary>
internal sealed class EpochMillisecondsPresenceConverter : JsonConverter<Presence<DateTimeOffset?>>
{
    /// <summary>JSON <c>null</c> is a value to read (a set property holding <see langword="null"/>).</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override Presence<DateTimeOffset?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.TokenType == JsonTokenType.Null ? null : EpochMilliseconds.Read(ref reader));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Presence<DateTimeOffset?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is { } timestamp)
        {
            EpochMilliseconds.Write(writer, timestamp);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
