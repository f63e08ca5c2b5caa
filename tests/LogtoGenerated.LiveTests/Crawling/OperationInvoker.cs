using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Http;
using LogtoGenerated.LiveTests.Seeding;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>
/// Calls one operation through the generated client as a user would: it follows the request builders (properties,
/// indexers, <c>By...</c> methods) with the seeded data's values for path parameters, passes required query
/// parameters, and a body read into the generated body type from JSON: the minimal valid instance of the corrected
/// document's schema, merged with the operation's realistic values from <see cref="WriteBodies"/>.
/// </summary>
internal sealed class OperationInvoker(LiveData data)
{
    private static readonly JsonSerializerOptions ValueOptions = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(LogtoJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    private static readonly SchemaInstances Schemas = new(LogtoDocument.Instance.Corrected);

    /// <summary>A prepared call: the builder, the method, and its arguments; or why it cannot be made with the data.</summary>
    internal sealed record Call(object Builder, MethodInfo Method, object?[] Arguments, JsonNode? BodyJson);

    /// <summary>The call of the operation's main method (<c>GetAsync</c>, <c>PostAsync</c>, ...), or the reason it cannot be made.</summary>
    public (Call? Call, string? Missing) Prepare(LiveOperation operation, LogtoManagementClient client, Action<RequestConfiguration> configure)
    {
        var model = operation.Model;
        if (RequestBuilderWalk.PathParameters(model.PathTemplate).FirstOrDefault(name => data.PathValue(model.HttpMethod, model.PathTemplate, name) is null) is { } missing)
        {
            return (null, $"no {{{missing}}} in the seeded data");
        }

        // A string enum segment (an action type) is read from its wire value like any JSON string.
        var builder = RequestBuilderWalk.Follow(client, model, operation.Builders, (name, type) =>
        {
            var value = data.PathValue(model.HttpMethod, model.PathTemplate, name)!;
            return type == typeof(string) ? value : JsonValue.Create(value).Deserialize(type, ValueOptions);
        });

        var method = builder.GetType().GetMethod(model.HttpMethod + "Async")!;
        JsonNode? bodyJson = null;
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.Name)
            {
                case "body":
                    (var body, bodyJson) = Body(operation, parameter.ParameterType);
                    arguments.Add(body);
                    break;
                case "configure":
                    arguments.Add(configure);
                    break;
                case "cancellationToken":
                    arguments.Add(CancellationToken.None);
                    break;
                default:
                    var wire = model.RequiredQuery.FirstOrDefault(q => q.Name.TrimStart('@') == parameter.Name)?.WireName ?? parameter.Name!;
                    var json = WriteBodies.Query(operation.Display, wire) ?? Schemas.Minimal(ParameterSchema(operation, wire), wire);
                    arguments.Add(json is null ? null : json.Deserialize(parameter.ParameterType, ValueOptions));
                    break;
            }
        }

        return (new Call(builder, method, [.. arguments], bodyJson), null);
    }

    /// <summary>The body: JSON made from the schema and the realistic values, read into the generated type (multipart: file parts filled in).</summary>
    private (object? Body, JsonNode? Json) Body(LiveOperation operation, Type bodyType)
    {
        var content = operation.Model.Body!;
        var mediaType = content.Encoding switch
        {
            BodyEncoding.Multipart => "multipart/form-data",
            BodyEncoding.Form => "application/x-www-form-urlencoded",
            _ => "application/json",
        };
        var schema = OperationDefinition(operation)["requestBody"]!["content"]![mediaType]!["schema"]!;
        var minimal = Schemas.Minimal(schema, "body");
        WriteBodies.FillIds(minimal, operation.Display, data);
        var json = Merge(minimal, WriteBodies.For(operation.Display, data));
        if (content.Encoding == BodyEncoding.Multipart)
        {
            var body = Activator.CreateInstance(bodyType)!;
            foreach (var property in bodyType.GetProperties().Where(p => p.CanWrite))
            {
                var wire = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? property.Name;
                if (property.PropertyType == typeof(FileUpload))
                {
                    var (bytes, name, type) = WriteBodies.Upload(operation.Display);
                    property.SetValue(body, new FileUpload(new MemoryStream(bytes), name, type));
                }
                else if (json?[wire] is { } value)
                {
                    property.SetValue(body, value.Deserialize(property.PropertyType, ValueOptions));
                }
            }

            return (body, null);
        }

        var typeInfo = LogtoJsonContext.Default.GetTypeInfo(bodyType)!;
        return (JsonSerializer.Deserialize(json?.ToJsonString() ?? "null", typeInfo), json);
    }

    /// <summary>The operation object of the corrected document.</summary>
    public static JsonObject OperationDefinition(LiveOperation operation) =>
        LogtoDocument.Instance.Corrected["paths"]![operation.Model.PathTemplate]![operation.Model.HttpMethod.ToLowerInvariant()]!.AsObject();

    private static JsonNode ParameterSchema(LiveOperation operation, string name) =>
        (OperationDefinition(operation)["parameters"] as JsonArray ?? [])
            .Select(p => Schemas.Resolve(p!))
            .First(p => (string?)p["name"] == name)["schema"]!;

    /// <summary><paramref name="over"/> laid over <paramref name="under"/>: objects merged property by property, anything else replaced.</summary>
    private static JsonNode? Merge(JsonNode? under, JsonNode? over) => (under, over) switch
    {
        (_, null) => under?.DeepClone(),
        (JsonObject u, JsonObject o) => MergeObjects(u, o),
        _ => over.DeepClone(),
    };

    private static JsonObject MergeObjects(JsonObject under, JsonObject over)
    {
        var merged = under.DeepClone().AsObject();
        foreach (var (key, value) in over)
        {
            merged[key] = Merge(merged[key], value);
        }

        return merged;
    }
}
