using System.Reflection;
using System.Text.RegularExpressions;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.TestShared;

/// <summary>
/// The generated client's operations as the generator's surface spec has them, and the way to reach each one through
/// the client's public request builders (properties, indexers, <c>By...</c> methods), as a user's code does. Compiled
/// into the contract and live tests.
/// </summary>
internal static partial class RequestBuilderWalk
{
    /// <summary>
    /// Follows <paramref name="builders"/> from <paramref name="client"/> to the builder holding <paramref name="operation"/>.
    /// A parameter segment takes its values from <paramref name="valueOf"/>, called with the name the operation's own
    /// path gives the parameter (a builder may carry another operation's name) and the type the member takes.
    /// </summary>
    public static object Follow(object client, OperationSpec operation, IReadOnlyList<BuilderSpec> builders, Func<string, Type, object?> valueOf)
    {
        var segments = operation.PathTemplate.Split('/');
        var offset = segments.Length - builders.Count;
        var builder = client;
        for (var i = 0; i < builders.Count; i++)
        {
            var node = builders[i];
            var type = builder.GetType();
            if (!node.IsParameter)
            {
                var property = type.GetProperty(node.MemberName)
                    ?? throw new MissingMemberException($"{type.Name} has no property {node.MemberName} for the segment '{node.Segment}'.");
                builder = property.GetValue(builder)!;
                continue;
            }

            var names = PathParameter().Matches(segments[offset + i]).Select(m => m.Groups[1].Value).ToList();
            if (names.Count != node.SegmentParameters.Length)
            {
                throw new InvalidOperationException(
                    $"The segment '{segments[offset + i]}' has {names.Count} parameter(s), its builder {node.ClassName} takes {node.SegmentParameters.Length}.");
            }

            var member = node.IsIndexer
                ? type.GetProperties().SingleOrDefault(p => p.GetIndexParameters().Length == 1)?.GetMethod
                    ?? throw new MissingMemberException($"{type.Name} has no indexer for the segment '{node.Segment}'.")
                : type.GetMethod(node.MemberName)
                    ?? throw new MissingMemberException($"{type.Name} has no method {node.MemberName} for the segment '{node.Segment}'.");
            var parameters = member.GetParameters();
            builder = member.Invoke(builder, names.Select((name, k) => valueOf(name, parameters[k].ParameterType)).ToArray())!;
        }

        return builder;
    }

    /// <summary>The names of the parameters in a path template, in order.</summary>
    public static IEnumerable<string> PathParameters(string template) => PathParameter().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();
}
