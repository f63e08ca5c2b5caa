using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>C# spellings of type uses, and the names of their <c>JsonTypeInfo</c> properties in the generated context.</summary>
internal sealed class TypeNames(GeneratorOptions options)
{
    public string Models => "global::" + options.ModelsNamespace;
    public string Http => "global::" + options.Namespace + ".Http";
    public string Paging => "global::" + options.Namespace + ".Paging";
    public string Search => "global::" + options.Namespace + ".Search";
    public string Serialization => "global::" + options.Namespace + ".Serialization";
    /// <summary>The class that finds the metadata the client reads and writes with (src/LogtoGenerated/Serialization/JsonMetadata.cs).</summary>
    public string Metadata => Serialization + ".JsonMetadata";

    /// <summary>The C# type of a property, parameter or list item.</summary>
    public string Of(ValueSpec use) => Of(use.Type) + (use.Nullable ? "?" : "");

    public string Of(ShapeSpec type) => type switch
    {
        PrimitiveShape p => Primitive(p.Kind),
        NamedShape m => Models + "." + m.Type.Name,
        ListShape l => $"global::System.Collections.Generic.IList<{Of(l.Item)}>",
        MapShape m => $"global::System.Collections.Generic.IDictionary<string, {Of(m.Value)}>",
        _ => throw new InvalidOperationException("Unknown type reference " + type),
    };

    /// <summary>A required query parameter as the operation's method takes it: <c>string userId</c> (never null).</summary>
    public string QueryArgument(ParameterSpec query) => $"{Of(query.Type with { Nullable = false })} {query.Name}";

    /// <summary>A request body as the operation's method takes it: <c>CreateUserRequest body</c>, nullable when optional.</summary>
    public string BodyArgument(BodySpec body) => $"{Of(body.Type with { Nullable = !body.Required })} body";

    /// <summary>
    /// The C# spelling of the runtime type of a use, as <c>JsonMetadata.RuntimeName</c> spells a <see cref="Type"/>:
    /// no nullable annotation on reference types (they have no runtime type of their own), <c>T?</c> for nullable value types.
    /// </summary>
    public string RuntimeName(ValueSpec use) =>
        RuntimeName(use.Type) + (use.Nullable && IsValueType(use.Type) ? "?" : "");

    private string RuntimeName(ShapeSpec type) => type switch
    {
        ListShape l => $"global::System.Collections.Generic.IList<{RuntimeName(l.Item)}>",
        MapShape m => $"global::System.Collections.Generic.IDictionary<string, {RuntimeName(m.Value)}>",
        _ => Of(type),
    };

    /// <summary>The runtime spelling (<see cref="RuntimeName(ValueSpec)"/>) of the read-only list a list response is read as.</summary>
    public string RuntimeReadOnlyListName(ListShape list) => $"global::System.Collections.Generic.IReadOnlyList<{RuntimeName(list.Item)}>";

    /// <summary>The expression for the metadata the client (de)serializes a type with.</summary>
    public string Info(ShapeSpec type) => $"{Metadata}.Info<{Of(type)}>()";

    /// <summary>The expression for the metadata a JSON response is read with: a list as the read-only list the method returns.</summary>
    public string ResponseInfo(ValueSpec response) =>
        $"{Metadata}.Info<{(response.Type is ListShape ? OfResponse(response) : Of(response.Type))}>()";

    /// <summary>The C# type a method returns for a JSON response: lists are read-only there.</summary>
    public string OfResponse(ValueSpec use) => use.Type switch
    {
        ListShape l => $"global::System.Collections.Generic.IReadOnlyList<{Of(l.Item)}>",
        PrimitiveShape { Kind: PrimitiveKind.Json } => Of(use.Type) + "?",
        _ => Of(use.Type),
    };

    public string Primitive(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => "string",
        PrimitiveKind.Int32 => "int",
        PrimitiveKind.Int64 => "long",
        PrimitiveKind.Double => "double",
        PrimitiveKind.Boolean => "bool",
        PrimitiveKind.DateTimeOffset or PrimitiveKind.EpochMilliseconds => "global::System.DateTimeOffset",
        PrimitiveKind.Json => "global::System.Text.Json.Nodes.JsonNode",
        PrimitiveKind.JsonObject => "global::System.Text.Json.Nodes.JsonObject",
        PrimitiveKind.File => Http + ".FileUpload",
        _ => throw new InvalidOperationException("Unknown primitive " + kind),
    };

    public static bool IsValueType(ShapeSpec type) => type is PrimitiveShape
    {
        Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double or PrimitiveKind.Boolean or PrimitiveKind.DateTimeOffset
            or PrimitiveKind.EpochMilliseconds,
    } or NamedShape { Type: EnumSpec };

    /// <summary>
    /// The name of the context property holding the type info a JSON response is read with: a list is read as the
    /// read-only list the method returns (<c>UserReadOnlyList</c>), anything else as <see cref="InfoName"/> names it.
    /// </summary>
    public static string ResponseInfoName(ValueSpec response) =>
        response.Type is ListShape list ? InfoName(list.Item.Type) + "ReadOnlyList" : InfoName(response.Type);

    /// <summary>The name of the context property holding the type info for a response or body type.</summary>
    public static string InfoName(ShapeSpec type) => type switch
    {
        PrimitiveShape p => p.Kind switch
        {
            PrimitiveKind.Json => "JsonNode",
            PrimitiveKind.JsonObject => "JsonObject",
            // System.Text.Json names a built-in type's converter after this name: it must be the runtime type's.
            PrimitiveKind.EpochMilliseconds => "DateTimeOffset",
            _ => p.Kind.ToString(),
        },
        NamedShape m => m.Type.Name,
        ListShape l => InfoName(l.Item.Type) + "List",
        MapShape m => InfoName(m.Value.Type) + "Map",
        _ => throw new InvalidOperationException("Unknown type reference " + type),
    };
}
