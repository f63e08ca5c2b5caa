using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Parsing;

internal sealed partial class ApiModelBuilder
{
    private RequestBuilderNode NodeFor(RequestBuilderNode root, string path, string pointer)
    {
        if (!path.StartsWith(_basePath + "/", StringComparison.Ordinal))
        {
            throw new GeneratorException(pointer, $"the path does not start with the base path '{_basePath}/'. Pass the right --base-path.");
        }

        var node = root;
        foreach (var segment in path[(_basePath.Length + 1)..].Split('/'))
        {
            if (segment.Length == 0)
            {
                throw new GeneratorException(pointer, "the path has an empty segment ('//' or a trailing '/').");
            }

            // Every single-parameter segment under one parent is the same builder, whatever the parameter's name.
            var key = IsSingleParameter(segment) ? "{}" : segment;
            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new RequestBuilderNode(segment, node) { PathTemplate = node.PathTemplate + "/" + segment };
                node.Children.Add(key, child);
            }

            node = child;
        }

        return node;
    }

    private static bool IsSingleParameter(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[^1] == '}' && segment.IndexOf('{', 1) < 0;

    /// <summary>
    /// Binds a path parameter to the builder of the segment that holds it in the operation's own path. Single-parameter
    /// segments are one builder whatever operations call the parameter: every operation's parameter is recorded in
    /// <see cref="RequestBuilderNode.ParameterUses"/>, and <see cref="ChooseSegmentParameters"/> picks the builder's one
    /// once the whole document is read. Another operation's name for the same segment is the same single value.
    /// </summary>
    private static void BindPathParameter(RequestBuilderNode node, OperationModel operation, ParameterModel parameter, string pointer)
    {
        var pathTemplate = operation.PathTemplate;
        foreach (var (target, segment) in node.PathSegments(pathTemplate))
        {
            if (!segment.Contains("{" + parameter.WireName + "}", StringComparison.Ordinal))
            {
                continue;
            }

            var single = IsSingleParameter(target.Segment);
            if (single)
            {
                target.ParameterUses.Add((parameter, operation));
            }

            var bound = single
                ? target.SegmentParameters.Count > 0
                : target.SegmentParameters.Any(p => p.WireName == parameter.WireName);
            if (!bound)
            {
                target.SegmentParameters.Add(parameter);
            }

            return;
        }

        throw new GeneratorException(pointer, $"the path parameter '{parameter.WireName}' does not appear in the path '{pathTemplate}'.");
    }

    /// <summary>
    /// Names each single-parameter segment after what it indexes, independently of the document's order: the
    /// parameter <c>{singular of the parent segment}Id</c> (<c>applications</c>: <c>applicationId</c>) when an operation
    /// uses that name, else the name most operations use, ties broken by ordinal order. Among the operations using the
    /// chosen name, the parameter of one with a description is kept, the first by path and method. The segment and the
    /// path templates below it are renamed to match. Only names change: a builder holds the concrete path, so every
    /// operation still fills its own URL template, and reports it with its own parameter names.
    /// </summary>
    private static void ChooseSegmentParameters(RequestBuilderNode root)
    {
        foreach (var node in root.DescendantsAndSelf())
        {
            if (node.Parent is null || node.ParameterUses.Count == 0)
            {
                continue;
            }

            var owner = Identifiers.Singular(Identifiers.Pascal(node.Parent.Segment));
            var preferred = owner.Length == 0 ? "id" : char.ToLowerInvariant(owner[0]) + owner[1..] + "Id";
            var name = node.ParameterUses
                .GroupBy(use => use.Parameter.WireName, StringComparer.Ordinal)
                .OrderByDescending(group => group.Key == preferred)
                .ThenByDescending(group => group.Count())
                .ThenBy(group => group.Key, StringComparer.Ordinal)
                .First();
            var chosen = name
                .OrderBy(use => use.Parameter.Description is null)
                .ThenBy(use => use.Operation.PathTemplate, StringComparer.Ordinal)
                .ThenBy(use => OperationSpec.HttpMethods.IndexOf(use.Operation.HttpMethod))
                .First().Parameter;
            node.SegmentParameters.Clear();
            node.SegmentParameters.Add(chosen);
            node.Segment = "{" + chosen.WireName + "}";
        }

        foreach (var node in root.DescendantsAndSelf().Where(n => n.Parent is not null))
        {
            node.PathTemplate = node.Parent!.PathTemplate + "/" + node.Segment;
        }
    }

    private static void EnsureAllPathParametersBound(RequestBuilderNode node, OperationModel model, string pointer)
    {
        foreach (var (target, segment) in node.PathSegments(model.PathTemplate))
        {
            if (segment.Contains('{', StringComparison.Ordinal) && target.SegmentParameters.Count == 0)
            {
                throw new GeneratorException(
                    "#/paths/" + GeneratorException.Escape(model.PathTemplate),
                    $"the path parameter in segment '{segment}' is not declared in the parameters of {model.OperationId} (add a parameter with \"in\": \"path\").");
            }
        }
    }
}
