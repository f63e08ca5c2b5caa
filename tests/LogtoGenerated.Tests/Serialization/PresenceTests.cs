using System.Text.Json;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.Serialization;

/// <summary><see cref="Presence{T}"/>: default is "not set", and a set null is still set.</summary>
public sealed class PresenceTests
{
    [Fact]
    public void Default_IsNotSet_AndHoldsTheDefaultValue()
    {
        Presence<string?> presence = default;

        Assert.False(presence.IsSet);
        Assert.Null(presence.Value);
    }

    [Fact]
    public void SetToNull_IsSet_AndDiffersFromDefault()
    {
        var presence = new Presence<string?>(null);

        Assert.True(presence.IsSet);
        Assert.NotEqual(default, presence);
    }

    [Fact]
    public void Equality_ComparesTheSetBitAndTheValue()
    {
        Assert.Equal(new Presence<int?>(1), new Presence<int?>(1));
        Assert.NotEqual(new Presence<int?>(1), new Presence<int?>(2));
        Assert.Equal(new Presence<int?>(1).GetHashCode(), new Presence<int?>(1).GetHashCode());
        Assert.Equal(default(Presence<int?>), default);
    }

    [Fact]
    public void Converter_ReadsJsonNullAsASetNull_AndWritesTheValue()
    {
        var converter = new PresenceConverter<string?>();
        var options = LogtoJsonContext.Default.Options;
        var reader = new Utf8JsonReader("null"u8);
        reader.Read();

        var read = converter.Read(ref reader, typeof(Presence<string?>), options);

        Assert.True(read.IsSet);
        Assert.Null(read.Value);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, new Presence<string?>("a\"b"), options);
        }

        Assert.Equal("\"a\\u0022b\"", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
