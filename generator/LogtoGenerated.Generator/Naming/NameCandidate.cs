using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>A use of a type being named, and the name it suggests: a use of its shape whose parent is a type being named.</summary>
/// <param name="Fact">The use of the shape, as parsing found it (see <see cref="SchemaUse"/> for its parts).</param>
/// <param name="Parent">For nested uses: the type containing this one, whose name the use's name derives from.</param>
internal sealed record NameCandidate(SchemaUse Fact, TypeInstance? Parent)
{
    /// <summary>Lower is stronger: 0 component, 1 response entity, 2 request body, 3 nested, 4 parameter.</summary>
    public int Rank => Fact.Rank;

    /// <summary>The suggested name, when it does not depend on another type's name.</summary>
    public string? Name => Fact.Name;

    /// <summary>For nested uses: the property (or parameter, or discriminator value) naming this use.</summary>
    public string? Member => Fact.Member;

    /// <summary>The resource folder this use belongs to.</summary>
    public string Folder => Fact.Folder;

    /// <summary>A name unique to this use, used when <see cref="Name"/> is taken by another type.</summary>
    public string? Fallback => Fact.Fallback;

    /// <summary>Where the type is used: the whole use for a top-level one, the part after the parent's name for a nested one; see <see cref="UseKey"/>.</summary>
    public string Use => Fact.Use;

    /// <summary>The use's name qualified by its operation (<c>ListUsersResponseListItem</c>); the last resort before giving up.</summary>
    public string? Qualified => Fact.Qualified;

    /// <summary>
    /// The use in words that survive a reordered document and unrelated changes: <c>GET /api/users/{userId} response</c>,
    /// <c>User.profile</c> (a property of the type named <c>User</c>), <c>CreateUserMfaVerificationRequest|Totp</c> (an
    /// alternative of a union). Nested uses are only known once the parent has its name.
    /// </summary>
    public string UseKey => Parent is null ? Use : Parent.Name + Use;
}
