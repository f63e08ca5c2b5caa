using System.Globalization;
using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

internal sealed partial class SchemaResolver
{
    /// <summary>A union schema (<c>oneOf</c> or <c>anyOf</c>): an enum or a string, one of its alternatives, any JSON value, or a union type.</summary>
    private TypeUse ResolveUnion(IOpenApiSchema schema, IList<IOpenApiSchema> alternatives, string pointer, NameHint hint, bool nullable, bool request)
    {
        // Literal and enum alternatives of strings merge into one enum: "Totp" | "WebAuthn" | ...
        var strings = ReadStringAlternatives(alternatives);
        nullable |= strings.Nullable;
        if (strings.AllStrings)
        {
            return strings.AnyPlainString || strings.Literals.Count == 0
                ? new TypeUse(new PrimitiveRef(PrimitiveKind.String), nullable)
                : EnumOf(strings.Literals.Distinct(StringComparer.Ordinal).ToList(), pointer, schema, hint, nullable);
        }

        var slot = new ParentSlot();
        var discriminator = FindDiscriminator(alternatives);
        var (uses, anyNullable) = ResolveAlternatives(alternatives, discriminator, pointer, hint, slot, request);
        nullable |= anyNullable;
        if (CollapsedUnion(uses, nullable) is { } collapsed)
        {
            return collapsed;
        }

        var key = UnionKey(discriminator, uses.Select(u => u.Use));
        var type = (UnionType)GetOrAdd(key, pointer, schema, (k, order) =>
        {
            var created = new UnionType(k, order) { Discriminator = discriminator };
            created.Alternatives.AddRange(uses.Select(u => new UnionAlternative(u.Use) { DiscriminatorValue = u.DiscriminatorValue, Member = u.Member }));
            return created;
        });
        slot.Fill(type);
        AddUse(type, hint);
        return new TypeUse(new ModelRef(type), nullable);
    }

    /// <summary>
    /// What the alternatives say as strings: the values of the literal and string-enum ones, whether every one is a
    /// string (a literal, a string enum or a plain string), whether one is a plain string, and whether one is nullable.
    /// </summary>
    private static (List<string> Literals, bool AllStrings, bool AnyPlainString, bool Nullable) ReadStringAlternatives(IList<IOpenApiSchema> alternatives)
    {
        var literalValues = new List<string>();
        var allStringValues = true;
        var anyPlainString = false;
        var nullable = false;
        foreach (var alternative in alternatives)
        {
            var target = alternative is OpenApiSchemaReference r ? r.Target : alternative;
            nullable |= target?.Type is { } at && at.HasFlag(JsonSchemaType.Null);
            if (LiteralOf(alternative) is { } literal)
            {
                literalValues.Add(literal);
            }
            else if (target?.Enum is { Count: > 0 } values && values.All(v => v is JsonValue jv && jv.TryGetValue(out string? _)))
            {
                literalValues.AddRange(values.Select(v => ((JsonValue)v).GetValue<string>()));
            }
            else if (target is not null && (target.Type & ~JsonSchemaType.Null) == JsonSchemaType.String && target.OneOf is null)
            {
                anyPlainString = true;
            }
            else
            {
                allStringValues = false;
            }
        }

        return (literalValues, allStringValues, anyPlainString, nullable);
    }

    /// <summary>
    /// Resolves each alternative, named after its discriminator value or what sets it apart, and keeps the distinct
    /// ones, not nullable; <c>AnyNullable</c> says whether one of them was.
    /// </summary>
    private (List<ResolvedAlternative> Uses, bool AnyNullable) ResolveAlternatives(
        IList<IOpenApiSchema> alternatives, string? discriminator, string pointer, NameHint hint, ParentSlot slot, bool request)
    {
        var uses = new List<ResolvedAlternative>();
        var anyNullable = false;
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            var discriminatorValue = discriminator is null ? null : LiteralOf(Target(alternative)!.Properties![discriminator]);
            var member = discriminatorValue ?? DistinguishingMember(alternatives, i);
            var childHint = new NameHint(NameHint.NestedRank, null, slot, member, hint.Folder, null, "|" + member);
            var use = Resolve(alternative, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), childHint, request: request);
            anyNullable |= use.Nullable;
            use = use with { Nullable = false };
            if (!uses.Any(u => u.Use == use))
            {
                uses.Add(new ResolvedAlternative(use, discriminatorValue, member));
            }
        }

        return (uses, anyNullable);
    }

    /// <summary>
    /// What a union is when it needs no union type: its one distinct alternative, any JSON value, or its one primitive
    /// kind. Null when it is a union type.
    /// </summary>
    private static TypeUse? CollapsedUnion(List<ResolvedAlternative> uses, bool nullable)
    {
        if (uses.Count == 1)
        {
            return uses[0].Use with { Nullable = nullable };
        }

        // A union over most JSON kinds with only free-form objects is "any JSON value".
        var kinds = uses.Select(u => JsonKindOf(u.Use.Type)).Distinct().Count();
        var structured = uses.Any(u => u.Use.Type is ModelRef { Type: ObjectType or UnionType });
        if (!structured && kinds >= 3)
        {
            return new TypeUse(new PrimitiveRef(PrimitiveKind.Json), Nullable: true);
        }

        // Alternatives of one primitive kind (e.g. two number shapes) are that kind.
        if (uses.All(u => u.Use.Type is PrimitiveRef) && uses.Select(u => u.Use.Type).Distinct().Count() == 1)
        {
            return uses[0].Use with { Nullable = nullable };
        }

        return null;
    }

    private static IOpenApiSchema? Target(IOpenApiSchema schema) => schema is OpenApiSchemaReference r ? r.Target : schema;

    /// <summary>A property every object alternative fixes to a different literal value (prefers <c>type</c>).</summary>
    private static string? FindDiscriminator(IList<IOpenApiSchema> alternatives)
    {
        var objects = alternatives.Select(Target).Where(a => a?.Properties is { Count: > 0 }).ToList();
        if (objects.Count < 2 || objects.Count != alternatives.Count)
        {
            return null;
        }

        var names = objects[0]!.Properties!.Keys.OrderBy(n => n == "type" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var values = objects.Select(o => o!.Properties!.TryGetValue(name, out var p) ? LiteralOf(p) : null).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// A name for an alternative without a discriminator: the value of a literal property it has,
    /// else a property that not every alternative has (<c>WithSecret</c>), else its JSON kind.
    /// </summary>
    private static string DistinguishingMember(IList<IOpenApiSchema> alternatives, int index)
    {
        var target = Target(alternatives[index]);
        if (target?.Properties is not { Count: > 0 } properties)
        {
            var kind = target?.Type & ~JsonSchemaType.Null;
            return kind switch
            {
                JsonSchemaType.Array => "List",
                JsonSchemaType.Object => "Object",
                JsonSchemaType.String => "String",
                JsonSchemaType.Boolean => "Boolean",
                JsonSchemaType.Number or JsonSchemaType.Integer => "Number",
                _ => "Value",
            };
        }

        var literal = properties.OrderBy(p => p.Key == "type" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => LiteralOf(p.Value)).FirstOrDefault(v => v is not null);
        if (literal is not null)
        {
            return Identifiers.Pascal(literal);
        }

        var others = alternatives.Where((_, i) => i != index).Select(Target).ToList();
        var required = target.Required ?? new HashSet<string>();
        var own = properties.Keys.OrderBy(name => required.Contains(name) ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault(name => others.Any(o => o?.Properties is null || !o.Properties.ContainsKey(name)));
        return own is null ? "Object" : "With" + Identifiers.Pascal(own);
    }

    private static string JsonKindOf(TypeRef type) => type switch
    {
        PrimitiveRef { Kind: PrimitiveKind.String or PrimitiveKind.DateTimeOffset } => "string",
        PrimitiveRef { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double or PrimitiveKind.EpochMilliseconds } => "number",
        PrimitiveRef { Kind: PrimitiveKind.Boolean } => "boolean",
        PrimitiveRef { Kind: PrimitiveKind.JsonObject } or MapRef or ModelRef { Type: ObjectType } => "object",
        ListRef => "array",
        ModelRef { Type: EnumType } => "string",
        _ => "any",
    };

    /// <summary>An alternative of a union, resolved: its type, its discriminator value if it has one, and its member name.</summary>
    private sealed record ResolvedAlternative(TypeUse Use, string? DiscriminatorValue, string Member);
}
