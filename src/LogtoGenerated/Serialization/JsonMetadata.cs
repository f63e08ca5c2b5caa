using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Serialization;

// The metadata the client reads and writes with, found by the type's name.
//
// Every model has a generated converter (UserJsonConverter: a case per property in one reader and one writer), and
// each resource folder a generated class that makes the metadata of its types from their converters
// (UsersJsonMetadata.CreateByName), so that a process loads the folders of the types it uses, not the whole API. The
// client's options resolve a type by turning it into the C# name the generator wrote for it (RuntimeName) and asking
// the metadata of that name (CreateByName, generated): no comparison with every type, no reflection
// (docs/performance.md, "Cold start"). LogtoJsonContext, the public context, finds its metadata the same way.
internal static partial class JsonMetadata
{
    /// <summary>The metadata of <typeparamref name="T"/> the client reads and writes with, created once.</summary>
    internal static JsonTypeInfo<T> Info<T>() => InfoOf<T>.Value;

    /// <summary>The options the client reads and writes with: nulls are not written; every type is found by name.</summary>
    internal static JsonSerializerOptions Options => Routed.Options;

    /// <summary>
    /// The metadata of <paramref name="type"/> for <paramref name="options"/>, or <see langword="null"/> when the
    /// generated client has no metadata of that type.
    /// </summary>
    internal static JsonTypeInfo? Create(Type type, JsonSerializerOptions options)
    {
        JsonTypeInfo? info = CreateByName(RuntimeName(type), options);
        return info?.Type == type ? info : null;
    }

    /// <summary>The C# spelling the generator uses for a type: <c>global::</c>-qualified, keywords, <c>T?</c> for nullable value types.</summary>
    internal static string RuntimeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return RuntimeName(underlying) + "?";
        }

        if (Keyword(type) is { } keyword)
        {
            return keyword;
        }

        string name = (type.Namespace is { } ns ? "global::" + ns + "." : "global::") + NestedName(type);
        if (!type.IsGenericType)
        {
            return name;
        }

        var arguments = new List<string>();
        foreach (Type argument in type.GetGenericArguments())
        {
            arguments.Add(RuntimeName(argument));
        }

        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", arguments) + ">";
    }

    /// <summary>The settings of the client's options and of <c>LogtoJsonContext.Default</c>: nulls are not written (the generated writers leave them out anyway).</summary>
    internal static JsonSerializerOptions CreateGeneratedOptions() => new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static string NestedName(Type type) =>
        type.DeclaringType is { } outer && !type.IsGenericParameter ? NestedName(outer) + "." + type.Name : type.Name;

    private static string? Keyword(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(bool) ? "bool"
        : type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(double) ? "double"
        : type == typeof(object) ? "object"
        : null;

    private static JsonSerializerOptions CreateRoutedOptions()
    {
        JsonSerializerOptions options = CreateGeneratedOptions();
        options.TypeInfoResolver = new NameResolver();
        options.MakeReadOnly();
        return options;
    }

    private sealed class NameResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => Create(type, options);
    }

    private static class Routed
    {
        public static readonly JsonSerializerOptions Options = CreateRoutedOptions();
    }

    private static class InfoOf<T>
    {
        public static readonly JsonTypeInfo<T> Value = (JsonTypeInfo<T>)Routed.Options.GetTypeInfo(typeof(T));
    }
}
