using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Models;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.Serialization;

/// <summary>
/// The client's JSON metadata is found by the type's name (LogtoJsonContext.Routing.cs), not by the source generator's
/// comparison with every type of the context: every type of the context must be found that way.
/// </summary>
public sealed class JsonContextLookupTests
{
    /// <summary>Every type the source generator made metadata for: the T of each of its <c>Create_*</c> methods.</summary>
    public static TheoryData<string> ContextTypes()
    {
        var data = new TheoryData<string>();
        foreach (Type type in GeneratedTypes())
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Fact]
    public void The_context_describes_hundreds_of_types()
    {
        // The theory below is only as strong as the list it runs over.
        Assert.InRange(GeneratedTypes().Count, 500, 5000);
        Assert.Contains(typeof(User), GeneratedTypes());
        Assert.Contains(typeof(IDictionary<string, JsonElement>), GeneratedTypes());
    }

    [Theory]
    [MemberData(nameof(ContextTypes))]
    public void Every_type_of_the_context_is_found_by_its_name(string assemblyQualifiedName)
    {
        Type type = Type.GetType(assemblyQualifiedName, throwOnError: true)!;

        // Options that resolve the types inside this one (a nullable's value type) as the client's do.
        var options = new JsonSerializerOptions { TypeInfoResolver = LogtoJsonContext.Default };
        JsonTypeInfo? info = LogtoJsonContext.ResolveByName(type, options);

        Assert.True(info is not null, $"{LogtoJsonContext.RuntimeName(type)} is not found by name: the client's first use of it would compare it with every type of the context.");
        Assert.Equal(type, info.Type);
    }

    [Theory]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(bool?), "bool?")]
    [InlineData(typeof(PasswordAlgorithm?), "global::LogtoGenerated.Models.PasswordAlgorithm?")]
    [InlineData(typeof(IList<string>), "global::System.Collections.Generic.IList<string>")]
    [InlineData(typeof(IDictionary<string, UserIdentity>), "global::System.Collections.Generic.IDictionary<string, global::LogtoGenerated.Models.UserIdentity>")]
    [InlineData(typeof(Presence<DateTimeOffset?>), "global::LogtoGenerated.Serialization.Presence<global::System.DateTimeOffset?>")]
    [InlineData(typeof(JsonObject), "global::System.Text.Json.Nodes.JsonObject")]
    public void A_type_is_spelled_as_the_generator_spells_it(Type type, string spelling) =>
        Assert.Equal(spelling, LogtoJsonContext.RuntimeName(type));

    [Fact]
    public void A_type_no_generated_name_covers_is_not_found_by_name()
    {
        Assert.Null(LogtoJsonContext.ResolveByName(typeof(JsonContextLookupTests), new JsonSerializerOptions()));
        Assert.Null(LogtoJsonContext.ResolveByName(typeof(List<User>), new JsonSerializerOptions()));
    }

    [Fact]
    public void The_client_reads_and_writes_with_the_contexts_settings()
    {
        JsonTypeInfo<UserProfile> info = LogtoJsonContext.Info<UserProfile>();

        // As the context: nulls are left out when writing, unknown properties kept.
        string json = JsonSerializer.Serialize(new UserProfile { GivenName = "Ada" }, info);
        Assert.Equal("""{"givenName":"Ada"}""", json);
        UserProfile read = JsonSerializer.Deserialize("""{"givenName":"Ada","shoeSize":44}""", info)!;
        Assert.Equal("Ada", read.GivenName);
        Assert.True(read.AdditionalData!.ContainsKey("shoeSize"));
        Assert.Same(info, LogtoJsonContext.Info<UserProfile>());
    }

    private static List<Type> GeneratedTypes() =>
        [.. typeof(LogtoJsonContext).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(m => m.Name.StartsWith("Create_", StringComparison.Ordinal)
                && m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(m => m.ReturnType.GetGenericArguments()[0])
            .Distinct()];
}
