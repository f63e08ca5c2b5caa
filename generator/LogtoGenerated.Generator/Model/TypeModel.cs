using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Model;

/// <summary>The C# shape of a value: a primitive, a generated model, a list or a map.</summary>
internal abstract record TypeRef;

/// <summary>A built-in type that needs no generated code.</summary>
internal sealed record PrimitiveRef(PrimitiveKind Kind) : TypeRef;

/// <summary>A generated object, enum or union type.</summary>
internal sealed record ModelRef(ModelType Type) : TypeRef;

/// <summary>A JSON array.</summary>
internal sealed record ListRef(TypeUse Item) : TypeRef;

/// <summary>A JSON object used as a string-keyed dictionary (<c>additionalProperties</c>).</summary>
internal sealed record MapRef(TypeUse Value) : TypeRef;

/// <summary>A type as used in one place: the type and whether <c>null</c> is allowed there.</summary>
internal sealed record TypeUse(TypeRef Type, bool Nullable);

/// <summary>
/// A shape of the document: an object, enum or union schema, one per structural key. It has no name: naming
/// (<see cref="Naming.SurfaceNamer"/>) gives it one, or splits its uses among several types of this shape, each named truly.
/// </summary>
internal abstract class ModelType
{
    protected ModelType(string key, int firstSeen)
    {
        Key = key;
        FirstSeen = firstSeen;
    }

    /// <summary>The structural key: two schemas with the same key are the same shape.</summary>
    public string Key { get; }

    /// <summary>Order of first appearance in the document, for deterministic tie-breaks.</summary>
    public int FirstSeen { get; }

    /// <summary>Where the shape is used, each with the name that use suggests; filled while parsing.</summary>
    public List<SchemaUse> Uses { get; } = [];

    /// <summary>The description from the first use that has one.</summary>
    public string? Description { get; set; }

    /// <summary>The JSON pointer of the first schema that produced this shape.</summary>
    public string Pointer { get; set; } = "";
}

/// <summary>An object with named properties.</summary>
internal sealed class ObjectType(string key, int firstSeen) : ModelType(key, firstSeen)
{
    public List<PropertyModel> Properties { get; } = [];

    /// <summary>
    /// True when the type is a PATCH body or part of one: its properties that track presence
    /// (<see cref="PropertyModel.TracksPresence"/>) remember whether they were set, so that "set to null"
    /// (sent as JSON <c>null</c>, which clears the field) is not confused with "not set" (left out, which keeps it).
    /// </summary>
    public bool TracksPresence { get; set; }
}

/// <summary>A string enumeration that tolerates values it does not know.</summary>
internal sealed class EnumType(string key, int firstSeen) : ModelType(key, firstSeen)
{
    public List<string> Values { get; } = [];
}

/// <summary>A <c>oneOf</c> union of several alternatives.</summary>
internal sealed class UnionType(string key, int firstSeen) : ModelType(key, firstSeen)
{
    public List<UnionAlternative> Alternatives { get; } = [];

    /// <summary>The wire name of the property whose literal value tells object alternatives apart, if any.</summary>
    public string? Discriminator { get; init; }
}

/// <summary>One alternative of a union.</summary>
internal sealed class UnionAlternative(TypeUse type)
{
    /// <summary>The alternative's type, as the document refers to it.</summary>
    public TypeUse Type { get; } = type;

    /// <summary>The discriminator value of an object alternative, when the union has a discriminator.</summary>
    public string? DiscriminatorValue { get; init; }

    /// <summary>What tells this alternative apart (its literal value, a property only it has, or its JSON kind).</summary>
    public string? Member { get; init; }
}

/// <summary>A property of an object type.</summary>
internal sealed class PropertyModel(string wireName, TypeUse type, bool required)
{
    public string WireName { get; } = wireName;

    /// <summary>The property's type, as the document refers to it.</summary>
    public TypeUse Type { get; } = type;
    public bool Required { get; } = required;
    public string? Description { get; set; }
    public bool Deprecated { get; init; }

    /// <summary>The only value the property may hold (a zod literal), if the document says so.</summary>
    public string? Literal { get; init; }

    /// <summary>
    /// True when the property is written exactly when it was set, null included: an optional, nullable property
    /// of a type that tracks presence (<see cref="ObjectType.TracksPresence"/>). Required properties are always
    /// written, and a property that may not be null is left out when it is null, as everywhere else.
    /// </summary>
    public bool TracksPresence { get; set; }
}

/// <summary>One use of a shape and the name it suggests for the shape's type.</summary>
/// <param name="Rank">Lower is stronger: 0 component, 1 response entity, 2 request body, 3 nested, 4 parameter.</param>
/// <param name="Name">The suggested name, when it does not depend on another type's name.</param>
/// <param name="Parent">For nested uses: the shape containing this one; the name is derived from its type's name.</param>
/// <param name="Member">For nested uses: the property (or parameter, or discriminator value) naming this use.</param>
/// <param name="Folder">The resource folder this use belongs to.</param>
/// <param name="Fallback">A name unique to this use, used when <paramref name="Name"/> is taken by another type.</param>
/// <param name="Use">
/// Where the shape is used: the whole use for a top-level one (<c>GET /api/users response</c>), the part after the
/// parent's name for a nested one (<c>.profile</c>).
/// </param>
/// <param name="Qualified">
/// The use's name qualified by its operation (<c>ListUsersResponseListItem</c>), for the items of a list whose
/// <paramref name="Fallback"/> is shared by other operations with the same noun; the last resort before giving up.
/// </param>
internal sealed record SchemaUse(int Rank, string? Name, ModelType? Parent, string? Member, string Folder, string? Fallback, string Use, string? Qualified = null);
