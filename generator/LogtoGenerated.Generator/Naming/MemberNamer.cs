using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Naming;

/// <summary>Names the members of model types: properties, union alternatives and enum members, clear of each other and of what every generated type has.</summary>
internal static class MemberNamer
{
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", ObjectSpec.ExtensionDataName,
    };

    /// <summary>
    /// The C# name of each property of an object type named <paramref name="typeName"/>, in order, with the internal
    /// member holding its value and whether it was set when it tracks presence (empty otherwise).
    /// </summary>
    public static IReadOnlyList<(string Name, string PresenceName)> PropertyNames(string typeName, IReadOnlyList<PropertyModel> properties)
    {
        var used = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { typeName };
        var names = properties.Select(p => Identifiers.Pascal(p.WireName)).Select(name => Unique(name == typeName ? name + "Value" : name, used)).ToList();

        // After every property has its name, so that none of them is taken.
        return [.. properties.Zip(names, (property, name) => (name, property.TracksPresence ? Unique(name + "Presence", used) : ""))];
    }

    /// <summary>
    /// The C# member standing for each alternative of a union named <paramref name="unionName"/>: an object alternative
    /// told apart by a member is named after it (<c>Totp</c>), any other after its type (<c>String</c>, <c>RoleList</c>).
    /// </summary>
    public static IReadOnlyList<string> AlternativeNames(string unionName, IReadOnlyList<(ValueSpec Type, string? Member)> alternatives)
    {
        var used = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { unionName, "Value" };
        return [.. alternatives.Select(alternative => Unique(
            alternative is { Type.Type: NamedShape { Type: ObjectSpec }, Member: { } member } ? Identifiers.Pascal(member) : AlternativeName(alternative.Type.Type, unionName),
            used))];
    }

    private static string AlternativeName(ShapeSpec type, string unionName) => type switch
    {
        NamedShape { Type.Name: var name } => name.StartsWith(unionName, StringComparison.Ordinal) && name.Length > unionName.Length ? name[unionName.Length..] : name,
        PrimitiveShape { Kind: PrimitiveKind.String } => "String",
        PrimitiveShape { Kind: PrimitiveKind.Boolean } => "Boolean",
        PrimitiveShape { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double } => "Number",
        PrimitiveShape { Kind: PrimitiveKind.JsonObject } => "Object",
        ListShape { Item.Type: var item } => AlternativeName(item, unionName) + "List",
        MapShape => "Map",
        _ => "Json",
    };

    /// <summary>The static property standing for each value of an enum named <paramref name="enumName"/>, clear of the members every generated enum has.</summary>
    public static IReadOnlyList<string> EnumMemberNames(string enumName, IReadOnlyList<string> values)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { enumName, "Value", "IsKnown", "FromString", "Equals", "GetHashCode", "ToString", "GetType", "KnownValues" };
        return [.. values.Select(v => Unique(Identifiers.Pascal(v), used))];
    }

    /// <summary>The name, or the name with <c>Value</c> appended until no member of the type uses it.</summary>
    public static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        // Two wire names that differ only in separators ("user_id", "userId") keep distinct members.
        while (!used.Add(candidate))
        {
            candidate += "Value";
        }

        return candidate;
    }
}
