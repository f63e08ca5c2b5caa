using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Comparing;

/// <summary>Model types: properties, enum values and union alternatives.</summary>
internal sealed partial class ApiComparer
{
    private void CompareType(TypeSpec o, TypeSpec n)
    {
        // Every type is reached from some operation; were one not, it is judged both ways.
        var usage = (UsageOf(o) | UsageOf(n)) is var used && used != Usage.None ? used : Usage.Request | Usage.Response;
        var subject = o.Name == n.Name
            ? $"`{n.Name}` ({Kind(n)}, {UsageText(usage)})"
            : $"`{n.Name}` (was `{o.Name}`; {Kind(n)}, {UsageText(usage)})";
        void Add(bool breaking, string detail) => _changes.Add(new ApiChange(ChangeGroup.TypesChanged, subject, detail, breaking, n.Name));

        switch (o, n)
        {
            case (ObjectSpec a, ObjectSpec b):
                CompareProperties(a, b, usage, Add);
                break;
            case (EnumSpec a, EnumSpec b):
                CompareEnum(a, b, Add);
                break;
            case (UnionSpec a, UnionSpec b):
                CompareUnion(a, b, Add);
                break;
            default:
                Add(true, $"was {Article(Kind(o))}, now {Article(Kind(n))}");
                break;
        }
    }

    private static string Kind(TypeSpec type) => type switch
    {
        EnumSpec => "enum",
        UnionSpec => "union",
        _ => "object",
    };

    private static string Article(string kind) => (kind == "union" ? "a " : "an ") + kind;

    /// <summary>Properties paired by C# name, then the rest by JSON name; what is left was removed or added.</summary>
    private static (List<(PropertySpec Old, PropertySpec New)> Pairs, List<PropertySpec> Removed, List<PropertySpec> Added) MatchProperties(ObjectSpec o, ObjectSpec n)
    {
        var pairs = new List<(PropertySpec, PropertySpec)>();
        var removed = new List<PropertySpec>();
        var added = n.Properties.ToList();
        foreach (var property in o.Properties)
        {
            if (added.FirstOrDefault(p => p.Name == property.Name) is { } byName)
            {
                pairs.Add((property, byName));
                added.Remove(byName);
            }
            else
            {
                removed.Add(property);
            }
        }

        foreach (var property in removed.ToList())
        {
            if (added.FirstOrDefault(p => p.WireName == property.WireName) is { } byWireName)
            {
                pairs.Add((property, byWireName));
                added.Remove(byWireName);
                removed.Remove(property);
            }
        }

        return (pairs, removed, added);
    }

    private void CompareProperties(ObjectSpec o, ObjectSpec n, Usage usage, Action<bool, string> add)
    {
        var requests = usage.HasFlag(Usage.Request);
        var responses = usage.HasFlag(Usage.Response);
        var (pairs, removed, added) = MatchProperties(o, n);

        foreach (var property in removed)
        {
            add(true, $"property `{property.Name}` removed");
        }

        foreach (var (before, after) in pairs)
        {
            if (before.Name != after.Name)
            {
                add(true, $"property `{before.Name}` is now `{after.Name}`");
            }
            else if (before.WireName != after.WireName)
            {
                add(false, $"property `{after.Name}` is now `{after.WireName}` in JSON (was `{before.WireName}`)");
            }

            var (oldType, newType) = (PropertyType(before), PropertyType(after));
            if (!SameType(before.Type.Type, after.Type.Type))
            {
                add(true, $"property `{after.Name}`: `{oldType}` -> `{newType}`");
            }
            else
            {
                CompareOptionality(before, after, requests, responses, add);
            }

            if (before.Deprecated != after.Deprecated)
            {
                add(false, $"property `{after.Name}` {(after.Deprecated ? "deprecated by Logto" : "no longer deprecated")}");
            }

            if (before.Literal != after.Literal)
            {
                add(false, after.Literal is null
                    ? $"property `{after.Name}` is no longer always `{before.Literal}`"
                    : $"property `{after.Name}` is now always `{after.Literal}`");
            }
        }

        foreach (var property in added)
        {
            var mustSet = requests && property.MustSet;
            add(mustSet, $"new property `{property.Name}` (`{PropertyType(property)}`){(mustSet ? ": required, so requests must set it" : "")}");
        }
    }

    /// <summary>Required-ness and nullability of a property whose type stayed the same.</summary>
    private static void CompareOptionality(PropertySpec before, PropertySpec after, bool requests, bool responses, Action<bool, string> add)
    {
        var changes = new List<string>();
        if (before.Required != after.Required)
        {
            changes.Add(after.Required ? "now required" : "now optional");
        }

        if (before.Type.Nullable != after.Type.Nullable)
        {
            changes.Add(after.Type.Nullable ? "now nullable" : "no longer nullable");
        }

        if (changes.Count == 0)
        {
            return;
        }

        // Callers writing a request break when they must now set it, or can no longer send null;
        // callers reading a response break when a value they could count on may now be missing or null.
        var reasons = new List<string>();
        if (requests && !before.MustSet && after.MustSet)
        {
            reasons.Add("requests must set it");
        }

        if (requests && before.Type.Nullable && !after.Type.Nullable)
        {
            reasons.Add("requests can no longer send null");
        }

        if (responses && !before.CSharpNullable && after.CSharpNullable)
        {
            reasons.Add("responses may " + (after.Required ? "hold null" : after.Type.Nullable ? "leave it out or hold null" : "leave it out"));
        }

        var (oldType, newType) = (PropertyType(before), PropertyType(after));
        var types = oldType == newType ? "" : $" (`{oldType}` -> `{newType}`)";
        add(reasons.Count > 0, $"property `{after.Name}` {string.Join(" and ", changes)}{types}{(reasons.Count > 0 ? ": " + string.Join("; ", reasons) : "")}");
    }

    private static string PropertyType(PropertySpec property) => Display(property.Type with { Nullable = property.CSharpNullable });

    private static void CompareEnum(EnumSpec o, EnumSpec n, Action<bool, string> add)
    {
        var oldMembers = o.Members;
        var newMembers = n.Members;
        foreach (var (value, member) in oldMembers)
        {
            var after = newMembers.FirstOrDefault(m => m.Value == value);
            if (after is null)
            {
                add(true, $"value `{value}` removed (`{o.Name}.{member}`)");
            }
            else if (after.Name != member)
            {
                add(true, $"value `{value}` is now `{n.Name}.{after.Name}` (was `{o.Name}.{member}`)");
            }
        }

        foreach (var (value, member) in newMembers.Where(m => !oldMembers.Any(o => o.Value == m.Value)))
        {
            add(false, $"new value `{value}` (`{n.Name}.{member}`)");
        }
    }

    private void CompareUnion(UnionSpec o, UnionSpec n, Action<bool, string> add)
    {
        foreach (var before in o.Alternatives)
        {
            var after = n.Alternatives.FirstOrDefault(a => a.Name == before.Name);
            if (after is null)
            {
                add(true, $"alternative `{before.Name}` (`{Display(before.Type)}`) removed");
            }
            else if (!SameType(before.Type.Type, after.Type.Type))
            {
                add(true, $"alternative `{after.Name}`: `{Display(before.Type)}` -> `{Display(after.Type)}`");
            }
        }

        foreach (var after in n.Alternatives.Where(a => !o.Alternatives.Any(b => b.Name == a.Name)))
        {
            add(false, $"new alternative `{after.Name}` (`{Display(after.Type)}`)");
        }

        if (o.Discriminator != n.Discriminator)
        {
            add(false, n.Discriminator is null
                ? $"alternatives are no longer told apart by `{o.Discriminator}`"
                : $"alternatives are now told apart by `{n.Discriminator}`");
        }
    }

    // ---- Type equality and display ------------------------------------------------------------------------------

    /// <summary>The same C# type, a renamed model counting as its new name; top-level nullability is left to the caller.</summary>
    private bool SameType(ShapeSpec o, ShapeSpec n) => (o, n) switch
    {
        (PrimitiveShape a, PrimitiveShape b) => a.Kind == b.Kind,
        (NamedShape a, NamedShape b) => _renames.GetValueOrDefault(a.Type.Name, a.Type.Name) == b.Type.Name,
        (ListShape a, ListShape b) => a.Item.Nullable == b.Item.Nullable && SameType(a.Item.Type, b.Item.Type),
        (MapShape a, MapShape b) => a.Value.Nullable == b.Value.Nullable && SameType(a.Value.Type, b.Value.Type),
        _ => false,
    };
}
