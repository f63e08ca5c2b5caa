using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Serialization;

namespace LogtoGenerated;

/// <summary>
/// System.Text.Json metadata for every type of the Management API, made from readers and writers generated at compile
/// time: no reflection, trim- and AOT-safe. Use it to read or write the models yourself (<c>JsonSerializer.Serialize(user, LogtoJsonContext.Default.User)</c>),
/// or combine it with your own resolvers (<see cref="JsonTypeInfoResolver.Combine(IJsonTypeInfoResolver[])"/>).
/// </summary>
/// <remarks>
/// Its properties (one per type, generated) make each type's metadata from the type's generated converter (a model's
/// reads and writes each of its properties), found by the type's name in the generated metadata of its resource
/// folder: using one type loads that folder's metadata only. The client itself does not use this class.
/// <para>
/// The metadata is a converter's (<c>JsonTypeInfoKind.None</c>): it describes no properties, so contract customization
/// by modifiers does not apply, and the models are read and written by their own rules (Logto's wire names, exact
/// case, numbers as JSON numbers, a repeated property's last value, nulls left out unless required), whatever the
/// options say of naming, case, number handling, duplicate properties, references or ignore conditions.
/// <c>RespectNullableAnnotations</c> is honoured when reading, in the net10.0 build. A read error's
/// <see cref="System.Text.Json.JsonException.Path"/> starts at the outermost model (<c>$.profile.givenName</c>), also
/// when that model sits inside a type of your own.
/// </para>
/// </remarks>
public partial class LogtoJsonContext : JsonSerializerContext, IJsonTypeInfoResolver
{
    private static readonly JsonSerializerOptions GeneratedOptions = JsonMetadata.CreateGeneratedOptions();

    /// <summary>A context with options of its own: System.Text.Json's defaults.</summary>
    public LogtoJsonContext()
        : base(null)
    {
    }

    /// <summary>A context bound to <paramref name="options"/> (which it makes its own: their resolver becomes this context).</summary>
    /// <param name="options">The options to read and write with; they must not be bound to another resolver yet.</param>
    public LogtoJsonContext(JsonSerializerOptions options)
        : base(options)
    {
    }

    /// <summary>The context the client's types are generated for: nulls are not written.</summary>
    public static LogtoJsonContext Default { get; } = new(new JsonSerializerOptions(GeneratedOptions));

    /// <inheritdoc/>
    protected override JsonSerializerOptions? GeneratedSerializerOptions => GeneratedOptions;

    /// <inheritdoc/>
    public override JsonTypeInfo? GetTypeInfo(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return JsonMetadata.Create(type, Options);
    }

    /// <inheritdoc/>
    JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        return JsonMetadata.Create(type, options);
    }
}
