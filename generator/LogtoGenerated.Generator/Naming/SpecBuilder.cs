using System.Collections.Immutable;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Parsing;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Naming;

/// <summary>Builds the immutable <see cref="ApiSpec"/> of a named model.</summary>
internal sealed class SpecBuilder
{
    private readonly Dictionary<ModelType, TypeSpec> _types = [];

    private SpecBuilder()
    {
    }

    public static ApiSpec Build(ApiModel model, IReadOnlyList<DocumentCorrection> corrections)
    {
        var builder = new SpecBuilder();
        var types = model.Types.Select(builder.Type).ToImmutableArray();
        return new ApiSpec(builder.Builder(model.Root), types, [.. corrections]);
    }

    private TypeSpec Type(ModelType type)
    {
        if (_types.TryGetValue(type, out var spec))
        {
            return spec;
        }

        var uses = type.Candidates.Select(c => c.UseKey).Distinct().ToImmutableArray();
        var untrue = UseTruth.UntrueUses(type.Name, type).Select(c => c.UseKey).Distinct().ToImmutableArray();
        spec = type switch
        {
            ObjectType o => new ObjectSpec
            {
                Name = type.Name, Folder = type.Folder, ShapeKey = type.Key, Description = type.Description, Pointer = type.Pointer, NamedByOverride = type.NamedByOverride, Uses = uses, UntrueUses = untrue,
                Properties = [.. o.Properties.Select(p => new PropertySpec(p.WireName, p.Name, Value(p.Type), p.Required, p.Description, p.Deprecated, p.Literal, p.TracksPresence, p.PresenceName))],
                TracksPresence = o.TracksPresence,
            },
            EnumType e => new EnumSpec
            {
                Name = type.Name, Folder = type.Folder, ShapeKey = type.Key, Description = type.Description, Pointer = type.Pointer, NamedByOverride = type.NamedByOverride, Uses = uses, UntrueUses = untrue,
                Members = [.. e.Members.Select(m => new EnumMemberSpec(m.Value, m.Member))],
            },
            UnionType u => new UnionSpec
            {
                Name = type.Name, Folder = type.Folder, ShapeKey = type.Key, Description = type.Description, Pointer = type.Pointer, NamedByOverride = type.NamedByOverride, Uses = uses, UntrueUses = untrue,
                Alternatives = [.. u.Alternatives.Select(a => new AlternativeSpec(a.Name, Value(a.Type), a.DiscriminatorValue, a.Member))],
                Discriminator = u.Discriminator,
            },
            _ => throw new InvalidOperationException("Unknown model type " + type.GetType().Name),
        };
        _types.Add(type, spec);
        return spec;
    }

    private ValueSpec Value(TypeUse use) => new(use.Type switch
    {
        PrimitiveRef p => new PrimitiveShape(p.Kind),
        ModelRef m => new NamedShape(Type(m.Type)),
        ListRef l => new ListShape(Value(l.Item)),
        MapRef m => new MapShape(Value(m.Value)),
        _ => throw new InvalidOperationException("Unknown type reference " + use.Type.GetType().Name),
    }, use.Nullable);

    private BuilderSpec Builder(RequestBuilderNode node) => new(
        node.Segment,
        node.PathTemplate,
        node.ClassName,
        node.Namespace,
        node.Folder,
        node.MemberName,
        node.IsIndexer,
        [.. node.SegmentParameters.Select(Parameter)],
        [.. node.Operations.Select(Operation)],
        node.Children.ToImmutableSortedDictionary(c => c.Key, c => Builder(c.Value), StringComparer.Ordinal));

    private ParameterSpec Parameter(ParameterModel parameter) =>
        new(parameter.WireName, parameter.Name, Value(parameter.Type), parameter.Description, parameter.Exploded, parameter.SentOnlyWhenTrue);

    private OperationSpec Operation(OperationModel operation)
    {
        var optional = operation.OptionalQuery.Select(p => (Model: p, Spec: Parameter(p))).ToList();
        ParameterSpec Optional(ParameterModel parameter) => optional.Single(p => ReferenceEquals(p.Model, parameter)).Spec;
        return new OperationSpec(
            operation.HttpMethod,
            operation.OperationId,
            operation.PathTemplate,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            [.. operation.RequiredQuery.Select(Parameter)],
            [.. optional.Select(p => p.Spec)],
            operation.QueryClassName,
            operation.SearchPropertyName,
            operation.Body is { } body ? new BodySpec(Value(body.Type), body.Encoding, body.Required, body.Description) : null,
            new ResponseSpec(operation.Response.Kind, operation.Response.Type is { } type ? Value(type) : null, operation.Response.Description, operation.Response.BodyOptional),
            operation.Paging is { } paging ? new PagingSpec(Optional(paging.Page), Optional(paging.PageSize), Value(paging.Item)) : null,
            operation.SearchParams is { } search ? Optional(search) : null);
    }
}
