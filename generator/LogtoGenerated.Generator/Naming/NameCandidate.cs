namespace LogtoGenerated.Generator.Naming;

/// <summary>A use of a type being named, and the name it suggests: a <see cref="Model.SchemaUse"/> whose parent is a type being named.</summary>
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
internal sealed record NameCandidate(int Rank, string? Name, TypeInstance? Parent, string? Member, string Folder, string? Fallback, string Use, string? Qualified = null)
{
    /// <summary>
    /// The use in words that survive a reordered document and unrelated changes: <c>GET /api/users/{userId} response</c>,
    /// <c>User.profile</c> (a property of the type named <c>User</c>), <c>CreateUserMfaVerificationRequest|Totp</c> (an
    /// alternative of a union). Nested uses are only known once the parent has its name.
    /// </summary>
    public string UseKey => Parent is null ? Use : Parent.Name + Use;
}
