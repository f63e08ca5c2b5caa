using System.Text;
using System.Text.RegularExpressions;
using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Comparing;

/// <summary>
/// Compares the surface specs of two documents and lists what changed for users of the generated client, in the
/// names they see: operations by <c>METHOD /path</c> and the C# call reaching them, model types by generated name.
/// </summary>
/// <remarks>
/// <para>
/// Operations are matched by HTTP method and path (path parameter names aside: <c>{id}</c> and
/// <c>{applicationId}</c> are the same segment). Types are matched by generated name; a type whose name changed is
/// found through what uses it (the body or response of a matched operation, a parameter, a property of a matched
/// type, a union alternative) and reported once as renamed, after which uses of the old and the new name count as
/// the same type.
/// </para>
/// <para>
/// A change is breaking when code written against the old client may stop compiling or start failing:
/// anything removed or renamed (operations, parameters, properties, types, enum values, union alternatives,
/// <c>GetPageAsync</c>/<c>GetAllAsync</c>, the advanced search), any type change, a new or reordered method
/// argument (a required query parameter, a request body), a query parameter moving between argument and
/// <c>QueryParameters</c>, a body or request property callers must now set, a request property no longer
/// accepting null, a response property that may now be missing or null, and a method that stops returning a value.
/// Additions callers may ignore, relaxations (required to optional in a request, nullable to non-null in a
/// response), new enum values (enums keep values they do not know), deprecations and wire-only changes are not.
/// </para>
/// </remarks>
internal sealed partial class ApiComparer
{
    /// <summary>Spells types as the emitter does; the namespaces it adds are removed again for the report.</summary>
    private static readonly TypeNames Names = new(new GeneratorOptions());

    private readonly Dictionary<string, TypeSpec> _oldTypes;
    private readonly Dictionary<string, TypeSpec> _newTypes;
    private readonly Dictionary<TypeSpec, Usage> _usage = new(ReferenceEqualityComparer.Instance);

    /// <summary>Old name to new name of every renamed type.</summary>
    private readonly Dictionary<string, string> _renames = new(StringComparer.Ordinal);

    /// <summary>New name to old name of every renamed type.</summary>
    private readonly Dictionary<string, string> _renamedFrom = new(StringComparer.Ordinal);

    /// <summary>Where each rename was found, by old name.</summary>
    private readonly Dictionary<string, string> _renameOrigins = new(StringComparer.Ordinal);

    private readonly List<ApiChange> _changes = [];

    /// <summary>Pairs of old and new types whose members are still to be linked while renames are searched.</summary>
    private readonly Queue<(TypeSpec Old, TypeSpec New)> _pairs = new();

    /// <summary>The pairs (old name, new name) queued so far.</summary>
    private readonly HashSet<(string, string)> _seenPairs = [];

    private ApiComparer(ApiSpec oldSpec, ApiSpec newSpec)
    {
        _oldTypes = oldSpec.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _newTypes = newSpec.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Where a type is used: what decides which direction of a nullability change breaks callers.</summary>
    [Flags]
    private enum Usage
    {
        None = 0,

        /// <summary>In a request: a body, a parameter, or inside one. Callers write it.</summary>
        Request = 1,

        /// <summary>In a response, or inside one. Callers read it.</summary>
        Response = 2,
    }

    /// <summary>Lists what changed from <paramref name="oldSpec"/> to <paramref name="newSpec"/>.</summary>
    /// <param name="oldSpec">The surface spec of the old document.</param>
    /// <param name="newSpec">The surface spec of the new document.</param>
    /// <param name="oldName">How the report names the old document.</param>
    /// <param name="newName">How the report names the new document.</param>
    public static ApiChanges Compare(ApiSpec oldSpec, ApiSpec newSpec, string oldName, string newName)
    {
        var comparer = new ApiComparer(oldSpec, newSpec);
        comparer.Run(oldSpec, newSpec);
        return new ApiChanges(oldName, newName, comparer._changes);
    }

    private void Run(ApiSpec oldSpec, ApiSpec newSpec)
    {
        var oldOperations = Operations(oldSpec);
        var newOperations = Operations(newSpec);
        MarkUsage(oldOperations);
        MarkUsage(newOperations);

        var matched = oldOperations.Values
            .Where(o => newOperations.ContainsKey(o.Key))
            .Select(o => (Old: o, New: newOperations[o.Key]))
            .OrderBy(p => p.New.SortKey, StringComparer.Ordinal)
            .ToList();
        FindRenames(oldSpec, matched);

        foreach (var removed in oldOperations.Values.Where(o => !newOperations.ContainsKey(o.Key)))
        {
            var moved = newOperations.Values.FirstOrDefault(n => n.Operation.OperationId == removed.Operation.OperationId && !oldOperations.ContainsKey(n.Key));
            var subject = Subject(removed) + (moved is null ? "" : $"; `{removed.Operation.OperationId}` is now `{moved.Title}`");
            _changes.Add(new ApiChange(ChangeGroup.OperationsRemoved, subject, null, true, removed.SortKey));
        }

        foreach (var added in newOperations.Values.Where(n => !oldOperations.ContainsKey(n.Key)))
        {
            _changes.Add(new ApiChange(ChangeGroup.OperationsAdded, Subject(added), null, false, added.SortKey));
        }

        foreach (var (o, n) in matched)
        {
            CompareOperation(o, n);
        }

        foreach (var (oldName, newName) in _renames.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            _changes.Add(new ApiChange(ChangeGroup.TypesRenamed, $"`{oldName}` -> `{newName}` (found through {_renameOrigins[oldName]})", null, true, oldName));
        }

        foreach (var type in _oldTypes.Values.Where(t => !_newTypes.ContainsKey(t.Name) && !_renames.ContainsKey(t.Name)))
        {
            _changes.Add(new ApiChange(ChangeGroup.TypesRemoved, $"`{type.Name}` ({Kind(type)}, {UsageText(UsageOf(type))})", null, true, type.Name));
        }

        foreach (var type in _newTypes.Values.Where(t => !_oldTypes.ContainsKey(t.Name) && !_renamedFrom.ContainsKey(t.Name)))
        {
            _changes.Add(new ApiChange(ChangeGroup.TypesAdded, $"`{type.Name}` ({Kind(type)}, {UsageText(UsageOf(type))})", null, false, type.Name));
        }

        foreach (var oldType in _oldTypes.Values)
        {
            if (_newTypes.TryGetValue(_renames.GetValueOrDefault(oldType.Name, oldType.Name), out var newType))
            {
                CompareType(oldType, newType);
            }
        }
    }

    private static string Types(IEnumerable<ParameterSpec> parameters) => string.Join(", ", parameters.Select(p => Display(p.Type.Type)));

    /// <summary>The C# type as a user writes it, without namespaces.</summary>
    private static string Display(ValueSpec use) => Unqualified(Names.Of(use));

    /// <inheritdoc cref="Display(ValueSpec)"/>
    private static string Display(ShapeSpec type) => Unqualified(Names.Of(type));

    /// <summary>A type spelled by <see cref="TypeNames"/>, with its <c>global::</c> namespace qualifiers removed.</summary>
    private static string Unqualified(string type) => Qualifier().Replace(type, "");

    [GeneratedRegex(@"global::(?:\w+\.)*")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PathParameter();
}
