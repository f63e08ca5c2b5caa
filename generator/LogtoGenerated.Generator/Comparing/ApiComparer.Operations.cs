using System.Collections.Immutable;
using System.Text;
using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Comparing;

/// <summary>Operations: matched by method and path, compared by what their method takes and returns.</summary>
internal sealed partial class ApiComparer
{
    /// <summary>An operation with the request builders leading to it, each with its segment of the operation's path.</summary>
    private sealed record OperationEntry(OperationSpec Operation, IReadOnlyList<(BuilderSpec Node, string Segment)> Path, string Key, string SortKey)
    {
        /// <summary><c>GET /api/users/{userId}</c>.</summary>
        public string Title => $"{Operation.HttpMethod.ToUpperInvariant()} {Operation.PathTemplate}";

        /// <summary>The C# method: <c>GetAsync</c>.</summary>
        public string Method => Operation.MethodName;
    }

    /// <summary>The operations by method and path, path parameter names aside; of two that agree, the first in the tree.</summary>
    private static Dictionary<string, OperationEntry> Operations(ApiSpec model)
    {
        var operations = new Dictionary<string, OperationEntry>(StringComparer.Ordinal);
        foreach (var (operation, builders) in model.OperationPaths())
        {
            var path = PathParameter().Replace(operation.PathTemplate, "{}");
            var key = operation.HttpMethod.ToUpperInvariant() + " " + path;
            var order = OperationSpec.HttpMethods.IndexOf(operation.HttpMethod);
            operations.TryAdd(key, new OperationEntry(operation, Segments(builders, operation.PathTemplate), key, $"{path}\u0000{order:D2}"));
        }

        return operations;
    }

    /// <summary>
    /// The builders reaching an operation, each with its segment of <paramref name="pathTemplate"/>, the operation's own
    /// path, which may name a single parameter differently from the builder's segment.
    /// </summary>
    private static IReadOnlyList<(BuilderSpec Node, string Segment)> Segments(ImmutableArray<BuilderSpec> builders, string pathTemplate)
    {
        var segments = pathTemplate.Split('/');
        var offset = segments.Length - builders.Length;
        return [.. builders.Select((builder, i) => (builder, segments[offset + i]))];
    }

    /// <summary>The call a user writes: <c>client.Users["{userId}"].Roles.GetAsync</c>.</summary>
    private static string Call(OperationEntry entry)
    {
        var call = new StringBuilder("client");
        foreach (var (node, segment) in entry.Path)
        {
            if (!node.IsParameter)
            {
                call.Append('.').Append(node.MemberName);
            }
            else if (node.IsIndexer)
            {
                call.Append("[\"").Append(segment).Append("\"]");
            }
            else
            {
                var names = PathParameter().Matches(segment).Select(m => m.Groups[1].Value);
                call.Append('.').Append(node.MemberName).Append('(').Append(string.Join(", ", names)).Append(')');
            }
        }

        return call.Append('.').Append(entry.Method).ToString();
    }

    private static string Subject(OperationEntry entry) => $"`{entry.Title}` (`{entry.Operation.OperationId}`): `{Call(entry)}`";

    private void CompareOperation(OperationEntry oldEntry, OperationEntry newEntry)
    {
        var o = oldEntry.Operation;
        var n = newEntry.Operation;
        var subject = Subject(newEntry);
        var method = newEntry.Method;
        void Add(bool breaking, string detail) => _changes.Add(new ApiChange(ChangeGroup.OperationsChanged, subject, detail, breaking, newEntry.SortKey));

        ComparePathParameters(oldEntry, newEntry, Add);
        CompareOperationId(o, n, Add);
        CompareQuery(o, n, method, Add);
        CompareSearch(o.SearchPropertyName, n.SearchPropertyName, Add);
        CompareBody(o.Body, n.Body, method, Add);
        CompareResponse(o.Response, n.Response, method, Add);

        if (o.Paging is null && n.Paging is not null)
        {
            Add(false, "now a paged list: `GetPageAsync` and `GetAllAsync` added");
        }
        else if (o.Paging is not null && n.Paging is null)
        {
            Add(true, "no longer a paged list: `GetPageAsync` and `GetAllAsync` removed");
        }

        if (o.Deprecated != n.Deprecated)
        {
            Add(false, n.Deprecated ? "deprecated by Logto" : "no longer deprecated");
        }
    }

    /// <summary>Path parameters: their types decide between an indexer and a <c>By...</c> method.</summary>
    private void ComparePathParameters(OperationEntry oldEntry, OperationEntry newEntry, Action<bool, string> add)
    {
        for (var i = 0; i < newEntry.Path.Count; i++)
        {
            var (oldNode, (newNode, segment)) = (oldEntry.Path[i].Node, newEntry.Path[i]);
            if (!newNode.IsParameter)
            {
                continue;
            }

            var same = oldNode.SegmentParameters.Length == newNode.SegmentParameters.Length
                && oldNode.SegmentParameters.Zip(newNode.SegmentParameters).All(p => SameType(p.First.Type.Type, p.Second.Type.Type));
            if (!same)
            {
                var reached = oldNode.IsIndexer != newNode.IsIndexer || oldNode.MemberName != newNode.MemberName
                    ? $"; the call is now `{Call(newEntry)}` (was `{Call(oldEntry)}`)"
                    : "";
                add(true, $"path parameter `{segment}`: `{Types(oldNode.SegmentParameters)}` -> `{Types(newNode.SegmentParameters)}`{reached}");
            }
        }
    }

    /// <summary>A new operationId renames the operation's query parameters class, when it has one.</summary>
    private static void CompareOperationId(OperationSpec o, OperationSpec n, Action<bool, string> add)
    {
        if (o.OperationId == n.OperationId)
        {
            return;
        }

        if (o.QueryClassName is { } oldQuery && n.QueryClassName is { } newQuery && oldQuery != newQuery)
        {
            add(true, $"operationId `{o.OperationId}` is now `{n.OperationId}`, so its query parameters class `{oldQuery}` is now `{newQuery}`");
        }
        else
        {
            add(false, $"operationId `{o.OperationId}` is now `{n.OperationId}`");
        }
    }

    /// <summary>The typed advanced search property of the query parameters class (<see cref="OperationSpec.SearchPropertyName"/>).</summary>
    private static void CompareSearch(string? oldSearch, string? newSearch, Action<bool, string> add)
    {
        if (oldSearch is null && newSearch is not null)
        {
            add(false, $"now takes Logto's advanced search: `QueryParameters.{newSearch}` (`LogtoSearch`)");
        }
        else if (oldSearch is not null && newSearch is null)
        {
            add(true, $"no longer takes Logto's advanced search: `QueryParameters.{oldSearch}` removed");
        }
        else if (oldSearch is not null && oldSearch != newSearch)
        {
            add(true, $"Logto's advanced search is now `QueryParameters.{newSearch}` (was `QueryParameters.{oldSearch}`)");
        }
    }

    private void CompareQuery(OperationSpec o, OperationSpec n, string method, Action<bool, string> add)
    {
        static ParameterSpec? Find(IReadOnlyList<ParameterSpec> parameters, string wireName) => parameters.FirstOrDefault(p => p.WireName == wireName);

        foreach (var parameter in n.RequiredQuery.Where(p => Find(o.RequiredQuery, p.WireName) is null))
        {
            var argument = $"`{Argument(parameter)}`";
            add(true, Find(o.OptionalQuery, parameter.WireName) is { } before
                ? $"query parameter `{parameter.WireName}` is now required, a new argument of `{method}` instead of `QueryParameters.{before.Name}`: {argument}"
                : $"new required query parameter `{parameter.WireName}`, a new argument of `{method}`: {argument}");
        }

        foreach (var parameter in o.RequiredQuery.Where(p => Find(n.RequiredQuery, p.WireName) is null))
        {
            add(true, Find(n.OptionalQuery, parameter.WireName) is { } after
                ? $"query parameter `{parameter.WireName}` is now optional: no longer an argument of `{method}`, set `QueryParameters.{after.Name}` instead"
                : $"required query parameter `{parameter.WireName}` removed, no longer an argument of `{method}`: `{Argument(parameter)}`");
        }

        foreach (var parameter in o.RequiredQuery)
        {
            if (Find(n.RequiredQuery, parameter.WireName) is { } after && !SameType(parameter.Type.Type, after.Type.Type))
            {
                add(true, $"required query parameter `{parameter.WireName}`: `{Display(parameter.Type with { Nullable = false })}` -> `{Display(after.Type with { Nullable = false })}`");
            }
        }

        var oldOrder = o.RequiredQuery.Select(p => p.WireName).Where(w => Find(n.RequiredQuery, w) is not null).ToList();
        var newOrder = n.RequiredQuery.Select(p => p.WireName).Where(w => Find(o.RequiredQuery, w) is not null).ToList();
        if (!oldOrder.SequenceEqual(newOrder, StringComparer.Ordinal))
        {
            add(true, $"the query arguments of `{method}` are in a new order: `{string.Join(", ", n.RequiredQuery.Select(p => p.Name))}`");
        }

        CompareOptionalQuery(o, n, add);
    }

    /// <summary>Optional query parameters: the properties of the operation's <c>QueryParameters</c> class.</summary>
    private void CompareOptionalQuery(OperationSpec o, OperationSpec n, Action<bool, string> add)
    {
        static ParameterSpec? Find(IReadOnlyList<ParameterSpec> parameters, string wireName) => parameters.FirstOrDefault(p => p.WireName == wireName);

        foreach (var parameter in n.OptionalQuery.Where(p => Find(o.OptionalQuery, p.WireName) is null && Find(o.RequiredQuery, p.WireName) is null))
        {
            add(false, $"new optional query parameter `{parameter.WireName}`: `QueryParameters.{parameter.Name}` (`{Display(parameter.Type with { Nullable = true })}`)");
        }

        foreach (var parameter in o.OptionalQuery.Where(p => Find(n.OptionalQuery, p.WireName) is null && Find(n.RequiredQuery, p.WireName) is null))
        {
            add(true, $"optional query parameter `{parameter.WireName}` removed: `QueryParameters.{parameter.Name}`");
        }

        foreach (var parameter in o.OptionalQuery)
        {
            if (Find(n.OptionalQuery, parameter.WireName) is not { } after)
            {
                continue;
            }

            if (after.Name != parameter.Name)
            {
                add(true, $"optional query parameter `{parameter.WireName}` is now `QueryParameters.{after.Name}` (was `QueryParameters.{parameter.Name}`)");
            }

            if (!SameType(parameter.Type.Type, after.Type.Type))
            {
                add(true, $"optional query parameter `{parameter.WireName}` (`QueryParameters.{after.Name}`): `{Display(parameter.Type with { Nullable = true })}` -> `{Display(after.Type with { Nullable = true })}`");
            }
        }
    }

    private static string Argument(ParameterSpec parameter) => Unqualified(Names.QueryArgument(parameter));

    private void CompareBody(BodySpec? o, BodySpec? n, string method, Action<bool, string> add)
    {
        switch (o, n)
        {
            case (null, null):
                return;
            case (null, { } added):
                // Even an optional body is a new argument before configure: a configure lambda passed by position no longer fits.
                add(true, $"new {(added.Required ? "" : "optional ")}request body, a new argument of `{method}`: `{BodyArgument(added)}`");
                return;
            case ({ } removed, null):
                add(true, $"request body removed, no longer an argument of `{method}`: `{BodyArgument(removed)}`");
                return;
        }

        if (!SameType(o!.Type.Type, n!.Type.Type))
        {
            add(true, $"request body: `{Display(o.Type.Type)}` -> `{Display(n.Type.Type)}`");
        }

        if (o.Required && !n.Required)
        {
            add(false, "the request body is now optional");
        }
        else if (!o.Required && n.Required)
        {
            add(true, "the request body is now required: `body` can no longer be null or left out");
        }

        if (o.Encoding != n.Encoding)
        {
            add(false, $"the request body is now sent as {Encoding(n.Encoding)} (was {Encoding(o.Encoding)})");
        }
    }

    private static string BodyArgument(BodySpec body) => Unqualified(Names.BodyArgument(body));

    private static string Encoding(BodyEncoding encoding) => encoding switch
    {
        BodyEncoding.Multipart => "multipart/form-data",
        BodyEncoding.Form => "a form (application/x-www-form-urlencoded)",
        _ => "JSON",
    };

    private void CompareResponse(ResponseSpec o, ResponseSpec n, string method, Action<bool, string> add)
    {
        switch (o.Kind, n.Kind)
        {
            case (ResponseKind.None, ResponseKind.None):
                return;
            case (ResponseKind.None, _):
                add(false, $"`{method}` now returns `{Returned(n)}`");
                return;
            case (_, ResponseKind.None):
                add(true, $"`{method}` no longer returns a value (it returned `{Returned(o)}`)");
                return;
        }

        var same = (o.Kind, n.Kind) switch
        {
            (ResponseKind.Text, ResponseKind.Text) => true,
            (ResponseKind.Json, ResponseKind.Json) => o.Type is { } a && n.Type is { } b && SameType(a.Type, b.Type),
            _ => false,
        };
        if (!same)
        {
            add(true, $"response: `{Returned(o)}` -> `{Returned(n)}`");
        }
    }

    /// <summary>What the operation's method returns, as <see cref="TypeNames.OfResponse"/> spells it: lists are read-only there.</summary>
    /// <remarks>
    /// <see cref="ResponseSpec.BodyOptional"/> is left out: the method of a response that may come without a body
    /// returns a nullable type (<c>User?</c>), which is reported here as <c>User</c>.
    /// </remarks>
    private static string Returned(ResponseSpec response) => response switch
    {
        { Kind: ResponseKind.Text } => "string",
        { Type: { } type } => Unqualified(Names.OfResponse(type)),
        _ => "nothing",
    };
}
