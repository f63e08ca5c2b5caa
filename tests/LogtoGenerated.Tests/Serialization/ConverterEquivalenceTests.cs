using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.Serialization;

/// <summary>
/// Every generated reader and writer reads and writes as System.Text.Json itself does from the model's attributes
/// (<c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>, <c>[JsonConverter]</c>, <c>[JsonExtensionData]</c>, the presence
/// members' <c>[JsonInclude]</c>, <c>required</c>): for each model, JSON holding every property (and a property the
/// document does not describe), the same JSON with every nullable property null, the same with enumeration values this
/// client does not know, and an empty object are read by both and written by both, and the results must be the same.
/// (Unions are left out of the JSON: their own converter reads them in both; their tests are in GeneratedModelTests.)
/// </summary>
public sealed class ConverterEquivalenceTests
{
    /// <summary>System.Text.Json's reflection over the models' attributes, with the client's setting (nulls left out).</summary>
    private static readonly JsonSerializerOptions Reflection = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (Type type in ModelTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void Every_object_model_has_a_generated_converter()
    {
        // Every public model class but unions (their own nested converter) and multipart bodies (never JSON).
        List<Type> objects = [.. typeof(LogtoJsonContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "LogtoGenerated.Models" && t.IsClass && t.IsPublic && t.GetNestedType("JsonConverter") is null
                && !t.GetProperties().Any(p => p.PropertyType == typeof(LogtoGenerated.Http.FileUpload)))];

        Assert.InRange(objects.Count, 300, 5000);
        Assert.Equal(objects.Select(t => t.FullName).Order(StringComparer.Ordinal), ModelTypes().Select(t => t.FullName));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_is_read_and_written_as_System_Text_Json_reads_and_writes_it_from_its_attributes(string typeName)
    {
        Type type = typeof(LogtoJsonContext).Assembly.GetType(typeName, throwOnError: true)!;
        JsonTypeInfo ours = JsonMetadata.Create(type, JsonMetadata.Options)!;

        foreach (Variant variant in Enum.GetValues<Variant>())
        {
            JsonObject json = Sample(type, depth: 0, variant);
            json["notInTheDocument"] = new JsonObject { ["q"] = new JsonArray(1, null, "x") };
            AssertSame(type, ours, json.ToJsonString());
        }

        AssertSame(type, ours, "{}");
    }

    private static void AssertSame(Type type, JsonTypeInfo ours, string json)
    {
        object? expected = null;
        object? actual = null;
        Exception? expectedError = Catch(() => expected = JsonSerializer.Deserialize(json, type, Reflection));
        Exception? actualError = Catch(() => actual = JsonSerializer.Deserialize(json, ours));
        Assert.True(
            expectedError is null == actualError is null,
            $"Reading {json}: System.Text.Json {(expectedError is null ? "read it" : "failed: " + expectedError.Message)}; the generated reader {(actualError is null ? "read it" : "failed: " + actualError.Message)}.");
        if (expectedError is not null)
        {
            Assert.IsType<JsonException>(actualError, exactMatch: false);
            return;
        }

        string written = JsonSerializer.Serialize(expected, type, Reflection);
        Assert.Equal(written, JsonSerializer.Serialize(actual, ours));
        Assert.Equal(written, JsonSerializer.Serialize(actual, type, Reflection));
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (JsonException e)
        {
            return e;
        }
    }

    /// <summary>What the JSON of a model holds.</summary>
    private enum Variant
    {
        /// <summary>A value for every property.</summary>
        Values,

        /// <summary>Null for every nullable property, a value for the others.</summary>
        Nulls,

        /// <summary>A value for every property, with enumerations holding a value this client does not know.</summary>
        UnknownEnumValues,
    }

    /// <summary>JSON for every serialized member of <paramref name="type"/>, as <paramref name="variant"/> says.</summary>
    private static JsonObject Sample(Type type, int depth, Variant variant)
    {
        var json = new JsonObject();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } name)
            {
                continue;
            }

            Type valueType = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Presence<>)
                ? property.PropertyType.GetGenericArguments()[0]
                : property.PropertyType;
            bool nullable = !valueType.IsValueType || Nullable.GetUnderlyingType(valueType) is not null;
            bool epoch = property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType?.Name.Contains("Epoch", StringComparison.Ordinal) == true;
            json[name.Name] = variant == Variant.Nulls && nullable ? null : Value(valueType, depth, variant, epoch);
        }

        return json;
    }

    private static JsonNode? Value(Type type, int depth, Variant variant, bool epoch)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "text";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return 7;
        }

        if (type == typeof(double))
        {
            return 1.5;
        }

        if (type == typeof(DateTimeOffset))
        {
            return epoch ? 1700000000123 : "2024-01-02T03:04:05+02:00";
        }

        if (type == typeof(JsonNode) || type == typeof(JsonObject))
        {
            return new JsonObject { ["k"] = new JsonArray(1, null, new JsonObject()) };
        }

        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStringEnum<>)))
        {
            return variant == Variant.UnknownEnumValues
                ? "a value Logto adds later"
                : ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().First().ToString();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>))
        {
            return new JsonArray(Value(type.GetGenericArguments()[0], depth + 1, variant, epoch: false));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            return new JsonObject { ["key"] = Value(type.GetGenericArguments()[1], depth + 1, variant, epoch: false) };
        }

        if (type.GetNestedType("JsonConverter") is not null || depth > 5)
        {
            // A union: read by its own converter in both; its alternatives are models checked on their own.
            return null;
        }

        return Sample(type, depth + 1, variant);
    }

    private static List<Type> ModelTypes() =>
        [.. typeof(LogtoJsonContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "LogtoGenerated.Models" && t.IsClass && !t.IsAbstract && t.IsPublic
                && JsonMetadata.Create(t, JsonMetadata.Options)?.Converter.GetType().Name == t.Name + "JsonConverter")
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
}
