using System.Collections.Immutable;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Parsing;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// Naming as one function: the document's facts (<see cref="ApiModel"/>, which it does not change), the record of names
/// and the overrides in; the client's surface (<see cref="ApiSpec"/>), with every name a user sees, out. Types are named
/// first (<see cref="TypeNamer"/>), then each reference of the document is pointed at the type holding its use, and
/// members (<see cref="MemberNamer"/>) and request builders (<see cref="BuilderNamer"/>) are named after them.
/// </summary>
internal sealed class SurfaceNamer
{
    private readonly TypeInstances _types;
    private readonly Dictionary<TypeInstance, TypeSpec> _specs = [];

    private SurfaceNamer(TypeInstances types) => _types = types;

    /// <summary>Names everything <paramref name="model"/> describes.</summary>
    /// <param name="model">The facts of the document.</param>
    /// <param name="inputs">The record of names, the overrides and the corrections' settings.</param>
    /// <param name="options">The settings of the run.</param>
    /// <param name="corrections">The corrections of the document applied before it was read, carried into the spec for reports.</param>
    public static ApiSpec Name(ApiModel model, GeneratorInputs inputs, GeneratorOptions options, IReadOnlyList<DocumentCorrection> corrections)
    {
        var namer = new SurfaceNamer(TypeNamer.NameAll(model, inputs));
        var types = namer._types.All.Select(namer.Type).ToImmutableArray();
        var client = new BuilderNamer(options, namer.Value).Client(model.Root);
        return new ApiSpec(client, types, [.. corrections]);
    }

    /// <summary>The spec of a named type, made once; the types it refers to are made first (schemas do not refer to themselves).</summary>
    private TypeSpec Type(TypeInstance type)
    {
        if (_specs.TryGetValue(type, out var spec))
        {
            return spec;
        }

        var uses = type.Candidates.Select(c => c.UseKey).Distinct().ToImmutableArray();
        var untrue = UseTruth.UntrueUses(type.Name, type).Select(c => c.UseKey).Distinct().ToImmutableArray();
        spec = type.Shape switch
        {
            ObjectType o => new ObjectSpec
            {
                Name = type.Name, Folder = type.Folder, ShapeKey = o.Key, Description = o.Description, NamedByOverride = type.NamedByOverride, Uses = uses, UntrueUses = untrue,
                Properties = [.. o.Properties.Zip(MemberNamer.PropertyNames(type.Name, o.Properties), (p, names) => new PropertySpec(
                    p.WireName, names.Name, Value(p.Type, [type.Name + "." + p.WireName]), p.Required, p.Description, p.Deprecated, p.Literal, p.TracksPresence, names.PresenceName))],
                TracksPresence = o.TracksPresence,
            },
            EnumType e => new EnumSpec
            {
                Name = type.Name, Folder = type.Folder, ShapeKey = e.Key, Description = e.Description, NamedByOverride = type.NamedByOverride, Uses = uses, UntrueUses = untrue,
                Members = [.. e.Values.Zip(MemberNamer.EnumMemberNames(type.Name, e.Values), (value, name) => new EnumMemberSpec(value, name))],
            },
            UnionType u => new UnionSpec
            {
                Name = type.Name, Folder = type.Folder, ShapeKey = u.Key, Description = u.Description, NamedByOverride = type.NamedByOverride, Uses = uses, UntrueUses = untrue,
                Alternatives = Alternatives(type.Name, u),
                Discriminator = u.Discriminator,
            },
            _ => throw new InvalidOperationException("A shape of unknown kind: " + type.Shape.GetType().Name),
        };
        _specs.Add(type, spec);
        return spec;
    }

    private ImmutableArray<AlternativeSpec> Alternatives(string unionName, UnionType union)
    {
        var types = union.Alternatives.Select(a => (Type: Value(a.Type, [unionName + "|" + a.Member]), a.Member)).ToList();
        return [.. union.Alternatives.Zip(types, MemberNamer.AlternativeNames(unionName, types))
            .Select(x => new AlternativeSpec(x.Third, x.Second.Type, x.First.DiscriminatorValue, x.First.Member))];
    }

    /// <summary>
    /// A value as the document refers to it, with each model type replaced by the spec of the type holding the
    /// reference's use: one of <paramref name="uses"/> (list items: <c>use[]</c>; map values: <c>use{}</c>).
    /// </summary>
    private ValueSpec Value(TypeUse use, IReadOnlyList<string> uses) => new(use.Type switch
    {
        PrimitiveRef primitive => new PrimitiveShape(primitive.Kind),
        ModelRef model => new NamedShape(Type(_types.For(model.Type, uses))),
        ListRef list => new ListShape(Value(list.Item, [.. uses.Select(u => u + "[]")])),
        MapRef map => new MapShape(Value(map.Value, [.. uses.Select(u => u + "{}")])),
        _ => throw new InvalidOperationException("A reference of unknown kind: " + use.Type.GetType().Name),
    }, use.Nullable);
}
