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

/// <summary>A generated type. Its name is chosen after every use of it has been seen.</summary>
internal abstract class ModelType
{
    protected ModelType(string key, int firstSeen)
    {
        Key = key;
        FirstSeen = firstSeen;
        Origin = this;
    }

    /// <summary>The structural key: two schemas with the same key are the same type.</summary>
    public string Key { get; }

    /// <summary>Order of first appearance in the document, for deterministic tie-breaks.</summary>
    public int FirstSeen { get; }

    /// <summary>The names its uses suggest, best first once ranked.</summary>
    public List<NameCandidate> Candidates { get; } = [];

    /// <summary>The chosen C# name; set by the namer.</summary>
    public string Name { get; set; } = "";

    /// <summary>True when a human-curated override chose <see cref="Name"/>.</summary>
    public bool NamedByOverride { get; set; }

    /// <summary>The folder (and resource) the type is emitted under, e.g. <c>Users</c>.</summary>
    public string Folder { get; set; } = "";

    /// <summary>The description from the first use that has one.</summary>
    public string? Description { get; set; }

    /// <summary>The JSON pointer of the first schema that produced this type.</summary>
    public string Pointer { get; set; } = "";

    /// <summary>
    /// The type this one was split from, or itself. Uses of one shape that no single true name covers become types
    /// of their own (see <see cref="Naming.TypeInstances"/>); the document's references still point at the origin.
    /// </summary>
    public ModelType Origin { get; private set; }

    /// <summary>A new type of the same shape, split from this one: no uses and no name yet.</summary>
    public ModelType NewInstance()
    {
        var instance = CopyShape();
        instance.Description = Description;
        instance.Pointer = Pointer;
        instance.Origin = Origin;
        return instance;
    }

    /// <summary>A new type with this one's key, order and members (properties, values or alternatives), copied.</summary>
    protected abstract ModelType CopyShape();
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

    protected override ModelType CopyShape()
    {
        var copy = new ObjectType(Key, FirstSeen) { TracksPresence = TracksPresence };
        copy.Properties.AddRange(Properties.Select(p => p.Copy()));
        return copy;
    }
}

/// <summary>A string enumeration that tolerates values it does not know.</summary>
internal sealed class EnumType(string key, int firstSeen) : ModelType(key, firstSeen)
{
    public List<string> Values { get; } = [];

    /// <summary>The C# name of the static property standing for each of <see cref="Values"/>, in order; set by the member namer.</summary>
    public List<string> MemberNames { get; } = [];

    /// <summary>Each value with the name of the static property standing for it (<c>"sign-in"</c>: <c>SignIn</c>).</summary>
    public IReadOnlyList<(string Value, string Member)> Members => [.. Values.Zip(MemberNames)];

    protected override ModelType CopyShape()
    {
        var copy = new EnumType(Key, FirstSeen);
        copy.Values.AddRange(Values);
        return copy;
    }
}

/// <summary>A <c>oneOf</c> union of several alternatives.</summary>
internal sealed class UnionType(string key, int firstSeen) : ModelType(key, firstSeen)
{
    public List<UnionAlternative> Alternatives { get; } = [];

    /// <summary>The wire name of the property whose literal value tells object alternatives apart, if any.</summary>
    public string? Discriminator { get; set; }

    protected override ModelType CopyShape()
    {
        var copy = new UnionType(Key, FirstSeen) { Discriminator = Discriminator };
        copy.Alternatives.AddRange(Alternatives.Select(a => new UnionAlternative(a.Type) { DiscriminatorValue = a.DiscriminatorValue, Member = a.Member }));
        return copy;
    }
}

/// <summary>One alternative of a union.</summary>
internal sealed class UnionAlternative(TypeUse type)
{
    /// <summary>The alternative's type; retargeted to the split type its use belongs to once types are named.</summary>
    public TypeUse Type { get; set; } = type;

    /// <summary>The C# member name used for this alternative (e.g. <c>Totp</c>, <c>String</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The discriminator value of an object alternative, when the union has a discriminator.</summary>
    public string? DiscriminatorValue { get; set; }

    /// <summary>What tells this alternative apart (its literal value, a property only it has, or its JSON kind).</summary>
    public string? Member { get; set; }
}

/// <summary>A property of an object type.</summary>
internal sealed class PropertyModel(string wireName, TypeUse type, bool required)
{
    public string WireName { get; } = wireName;

    /// <summary>The property's type; retargeted to the split type its use belongs to once types are named.</summary>
    public TypeUse Type { get; set; } = type;
    public bool Required { get; } = required;
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool Deprecated { get; set; }

    /// <summary>The only value the property may hold (a zod literal), if the document says so.</summary>
    public string? Literal { get; set; }

    /// <summary>
    /// True when the property is written exactly when it was set, null included: an optional, nullable property
    /// of a type that tracks presence (<see cref="ObjectType.TracksPresence"/>). Required properties are always
    /// written, and a property that may not be null is left out when it is null, as everywhere else.
    /// </summary>
    public bool TracksPresence { get; set; }

    /// <summary>The internal member holding the value and whether it was set, when <see cref="TracksPresence"/>.</summary>
    public string PresenceName { get; set; } = "";

    /// <summary>
    /// Whether the C# property is nullable: when it is optional (then left out while null) or nullable in the document.
    /// A property that <see cref="TracksPresence"/> is optional, so nullable too.
    /// </summary>
    public bool CSharpNullable => !Required || Type.Nullable;

    /// <summary>A string property holding the only value it may hold (<see cref="Literal"/>): the generated class presets it.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Literal))]
    public bool IsPreset => Literal is not null && Type.Type is PrimitiveRef { Kind: PrimitiveKind.String };

    /// <summary>
    /// A property callers must set: required, not nullable, and not <see cref="IsPreset"/>. The generated class declares
    /// it a C# <c>required</c> member, and <c>diff</c> calls a property that becomes one a breaking change.
    /// </summary>
    public bool MustSet => Required && !Type.Nullable && !IsPreset;

    /// <summary>The same property, for a type split from its owner; names are given later.</summary>
    public PropertyModel Copy() => new(WireName, Type, Required)
    {
        Description = Description,
        Deprecated = Deprecated,
        Literal = Literal,
        TracksPresence = TracksPresence,
    };
}

/// <summary>A name suggested by one use of a type.</summary>
/// <param name="Rank">Lower is stronger: 0 component, 1 response entity, 2 request body, 3 nested, 4 parameter.</param>
/// <param name="Name">The suggested name, when it does not depend on another type's name.</param>
/// <param name="Parent">For nested uses: the type containing this one; the name is derived from the parent's.</param>
/// <param name="Member">For nested uses: the property (or parameter, or discriminator value) naming this use.</param>
/// <param name="Folder">The resource folder this use belongs to.</param>
/// <param name="Fallback">A name unique to this use, used when <paramref name="Name"/> is taken by another type.</param>
/// <param name="Use">
/// Where the type is used: the whole use for a top-level one (<c>GET /api/users response</c>), the part after the
/// parent's name for a nested one (<c>.profile</c>); see <see cref="UseKey"/>.
/// </param>
/// <param name="Qualified">
/// The use's name qualified by its operation (<c>ListUsersResponseListItem</c>), for the items of a list whose
/// <paramref name="Fallback"/> is shared by other operations with the same noun; the last resort before giving up.
/// </param>
internal sealed record NameCandidate(int Rank, string? Name, ModelType? Parent, string? Member, string Folder, string? Fallback, string Use, string? Qualified = null)
{
    /// <summary>
    /// The use in words that survive a reordered document and unrelated changes: <c>GET /api/users/{userId} response</c>,
    /// <c>User.profile</c> (a property of the type named <c>User</c>), <c>CreateUserMfaVerificationRequest|Totp</c> (an
    /// alternative of a union). Nested uses are only known once the parent has its name.
    /// </summary>
    public string UseKey => Parent is null ? Use : Parent.Name + Use;
}
