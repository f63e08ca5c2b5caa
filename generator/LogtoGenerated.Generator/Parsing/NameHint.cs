using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>
/// Where a schema is used, so the type it becomes can be named after that use. A nested hint
/// names its parent through a <see cref="ParentSlot"/>, filled once the parent's type is known
/// (a parent's structural key depends on its children, so children are resolved first).
/// </summary>
/// The parameters are those of <see cref="SchemaUse"/>; <c>Use</c> is where the schema is used, in words that do
/// not depend on the order of the document: <c>GET /api/users response</c> for a top-level use, and for a nested use
/// the part after its parent's name (<c>.profile</c>, <c>.roles[]</c>, <c>|Totp</c>).
internal sealed record NameHint(int Rank, string? Name, ParentSlot? Parent, string? Member, string Folder, string? Fallback, string Use, string? Qualified = null)
{
    public const int ComponentRank = 0;
    public const int ResponseRank = 1;
    public const int RequestRank = 2;
    public const int NestedRank = 3;
    public const int ParameterRank = 4;

    /// <summary>The hint for the items of an array (or values of a map) used here: the same use, in the singular.</summary>
    public NameHint ForElements(string suffix) => this with
    {
        Name = Name is null ? null : Naming.Identifiers.Singular(Name),
        Member = Member is null ? null : Naming.Identifiers.Singular(Naming.Identifiers.Pascal(Member)),
        Fallback = Name is not null ? Naming.Identifiers.Singular(Name) + suffix : Fallback is null ? null : Fallback + suffix,
        // UserListItem is shared by every operation listing users; ListUsersResponseListItem is not.
        Qualified = (Qualified ?? Fallback) is { } qualified ? qualified + suffix : null,
        Use = Use + (suffix == "Value" ? "{}" : "[]"),
    };

    public SchemaUse ToUse() => new(Rank, Name, Parent?.Type, Member, Folder, Fallback, Use, Qualified);
}

/// <summary>A placeholder for a parent type that is resolved after its children.</summary>
internal sealed class ParentSlot
{
    public ModelType? Type { get; set; }

    /// <summary>Uses recorded before the parent was known; completed by <see cref="Fill"/>.</summary>
    public List<(ModelType Child, SchemaUse Use)> Pending { get; } = [];

    public void Fill(ModelType parent)
    {
        Type = parent;
        foreach (var (child, use) in Pending)
        {
            var index = child.Uses.FindIndex(c => ReferenceEquals(c, use));
            child.Uses[index] = use with { Parent = parent };
        }

        Pending.Clear();
    }
}
