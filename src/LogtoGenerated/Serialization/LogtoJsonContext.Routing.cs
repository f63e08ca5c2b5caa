using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated;

// The metadata the client reads and writes with, found by the type's name.
//
// System.Text.Json's source generator resolves a type by comparing it with every type of the context in turn, so the
// first lookup of a type late in that list (a User, a string) loads the hundreds of types before it: about 12 ms and
// a megabyte of a process's first call (docs/performance.md, "Cold start"). The client asks these options instead:
// their resolver turns the type into the C# name the generator wrote for it and calls the generated metadata method
// of that name (CreateByName, generated), which loads that type only. A type the generated names do not cover still
// resolves, through the context's own lookup.
public partial class LogtoJsonContext
{
    /// <summary>The metadata of <typeparamref name="T"/> the client reads and writes with, created once.</summary>
    internal static JsonTypeInfo<T> Info<T>() => InfoOf<T>.Value;

    /// <summary>
    /// The metadata of <paramref name="type"/> created by name, or <see langword="null"/> when no generated name
    /// covers it (then the context's own lookup is used).
    /// </summary>
    internal static JsonTypeInfo? ResolveByName(Type type, JsonSerializerOptions options)
    {
        JsonTypeInfo? info = Default.CreateByName(RuntimeName(type), options);
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
        // The context's own settings (ignore nulls when writing), with the resolver by name in front of its lookup.
        var options = new JsonSerializerOptions(Default.Options)
        {
            TypeInfoResolver = new NameResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private sealed class NameResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            ResolveByName(type, options) ?? ((IJsonTypeInfoResolver)Default).GetTypeInfo(type, options);
    }

    // Holders rather than fields of the context: a static field here could be initialized before the generated Default.
    private static class Routed
    {
        public static readonly JsonSerializerOptions Options = CreateRoutedOptions();
    }

    private static class InfoOf<T>
    {
        public static readonly JsonTypeInfo<T> Value = (JsonTypeInfo<T>)Routed.Options.GetTypeInfo(typeof(T));
    }
}
