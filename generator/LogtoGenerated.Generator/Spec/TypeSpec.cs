using System.Collections.Immutable;

namespace LogtoGenerated.Generator.Spec;

/// <summary>A generated model type with its name, its folder and the uses its name stands for.</summary>
internal abstract record TypeSpec
{
    /// <summary>The C# name.</summary>
    public required string Name { get; init; }

    /// <summary>The folder (and resource) the type is emitted under, e.g. <c>Users</c>.</summary>
    public required string Folder { get; init; }

    /// <summary>The description from the first use that has one.</summary>
    public required string? Description { get; init; }

    /// <summary>
    /// The structural key of its shape: types of one shape are split apart only where no single name is true to all
    /// their uses, so two types with one key are one shape under two names.
    /// </summary>
    public required string ShapeKey { get; init; }

    /// <summary>True when a human-curated override chose <see cref="Name"/>.</summary>
    public required bool NamedByOverride { get; init; }

    /// <summary>
    /// Where the type is used, each once, in the order naming ranked them: <c>GET /api/users/{userId} response</c>,
    /// <c>User.profile</c>. The record of names (<c>names.lock.json</c>) keeps them under the name.
    /// </summary>
    public required ImmutableArray<string> Uses { get; init; }

    /// <summary>The uses <see cref="Name"/> is not true to (the <c>names</c> command marks them); empty for an override.</summary>
    public required ImmutableArray<string> UntrueUses { get; init; }
}

/// <summary>An object with named properties.</summary>
internal sealed record ObjectSpec : TypeSpec
{
    /// <summary>The member every generated object holds the JSON properties it does not declare in; no property takes its name.</summary>
    public const string ExtensionDataName = "AdditionalData";

    /// <summary>Its properties, in the document's order.</summary>
    public required ImmutableArray<PropertySpec> Properties { get; init; }

    /// <summary>
    /// True when the type is a PATCH body or part of one: its properties that track presence remember whether they were
    /// set, so that "set to null" is not confused with "not set".
    /// </summary>
    public required bool TracksPresence { get; init; }
}

/// <summary>A string enumeration that tolerates values it does not know.</summary>
internal sealed record EnumSpec : TypeSpec
{
    /// <summary>Each value with the static property standing for it, in the document's order.</summary>
    public required ImmutableArray<EnumMemberSpec> Members { get; init; }

    /// <summary>The wire values, in order.</summary>
    public IEnumerable<string> Values => Members.Select(m => m.Value);
}

/// <summary>A <c>oneOf</c> union of several alternatives.</summary>
internal sealed record UnionSpec : TypeSpec
{
    /// <summary>The alternatives, in the document's order.</summary>
    public required ImmutableArray<AlternativeSpec> Alternatives { get; init; }

    /// <summary>The wire name of the property whose literal value tells object alternatives apart, if any.</summary>
    public required string? Discriminator { get; init; }
}

/// <summary>One value of an enum and the static property standing for it.</summary>
/// <param name="Value">The wire value: <c>sign-in</c>.</param>
/// <param name="Name">The C# property: <c>SignIn</c>.</param>
internal sealed record EnumMemberSpec(string Value, string Name);

/// <summary>One alternative of a union.</summary>
/// <param name="Name">The C# member standing for it (<c>Totp</c>, <c>String</c>).</param>
/// <param name="Type">Its type.</param>
/// <param name="DiscriminatorValue">The discriminator value of an object alternative, when the union has a discriminator.</param>
/// <param name="Member">What tells it apart (its literal value, a property only it has, or its JSON kind).</param>
internal sealed record AlternativeSpec(string Name, ValueSpec Type, string? DiscriminatorValue, string? Member);

/// <summary>A property of an object type.</summary>
/// <param name="WireName">The JSON name.</param>
/// <param name="Name">The C# name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Required">True when the document requires it.</param>
/// <param name="Description">The document's description, if any.</param>
/// <param name="Deprecated">True when the document deprecates it.</param>
/// <param name="Literal">The only value the property may hold (a zod literal), if the document says so.</param>
/// <param name="TracksPresence">True when it is written exactly when it was set, null included (an optional, nullable property of a type that tracks presence).</param>
/// <param name="PresenceName">The internal member holding the value and whether it was set, when <paramref name="TracksPresence"/>; empty otherwise.</param>
internal sealed record PropertySpec(string WireName, string Name, ValueSpec Type, bool Required, string? Description, bool Deprecated, string? Literal, bool TracksPresence, string PresenceName)
{
    /// <summary>Whether the C# property is nullable: when it is optional (then left out while null) or nullable in the document.</summary>
    public bool CSharpNullable => !Required || Type.Nullable;

    /// <summary>A string property holding the only value it may hold (<see cref="Literal"/>): the generated class presets it.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Literal))]
    public bool IsPreset => Literal is not null && Type.Type is PrimitiveShape { Kind: PrimitiveKind.String };

    /// <summary>
    /// A property callers must set: required, not nullable, and not <see cref="IsPreset"/>. The generated class declares
    /// it a C# <c>required</c> member, and <c>diff</c> calls a property that becomes one a breaking change.
    /// </summary>
    public bool MustSet => Required && !Type.Nullable && !IsPreset;
}

/// <summary>The C# shape of a value: a primitive, a generated model, a list or a map.</summary>
internal abstract record ShapeSpec;

/// <summary>A built-in type that needs no generated code.</summary>
/// <param name="Kind">Which one.</param>
internal sealed record PrimitiveShape(PrimitiveKind Kind) : ShapeSpec;

/// <summary>A generated object, enum or union type.</summary>
/// <param name="Type">The type.</param>
internal sealed record NamedShape(TypeSpec Type) : ShapeSpec;

/// <summary>A JSON array.</summary>
/// <param name="Item">Its items.</param>
internal sealed record ListShape(ValueSpec Item) : ShapeSpec;

/// <summary>A JSON object used as a string-keyed dictionary (<c>additionalProperties</c>).</summary>
/// <param name="Value">Its values.</param>
internal sealed record MapShape(ValueSpec Value) : ShapeSpec;

/// <summary>A value as used in one place: its shape and whether <c>null</c> is allowed there.</summary>
/// <param name="Type">The shape.</param>
/// <param name="Nullable">True when <c>null</c> is allowed.</param>
internal sealed record ValueSpec(ShapeSpec Type, bool Nullable);

/// <summary>The built-in types the generator maps OpenAPI primitives to.</summary>
internal enum PrimitiveKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    /// <summary>A point in time written as an ISO 8601 string (<c>format: date-time</c>): <c>DateTimeOffset</c>.</summary>
    DateTimeOffset,
    /// <summary>
    /// A point in time written as a JSON number of milliseconds since 1970-01-01T00:00:00Z, as Logto writes its
    /// timestamps: <c>DateTimeOffset</c> in C#, read and written through the runtime's epoch-milliseconds converters.
    /// Which numbers are timestamps is decided by <see cref="Parsing.Timestamps"/>.
    /// </summary>
    EpochMilliseconds,
    /// <summary>Any JSON value (<c>JsonNode</c>).</summary>
    Json,
    /// <summary>A free-form JSON object (<c>JsonObject</c>).</summary>
    JsonObject,
    /// <summary>A file part of a multipart body.</summary>
    File,
}
