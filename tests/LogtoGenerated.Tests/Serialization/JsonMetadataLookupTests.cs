using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Models;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.Serialization;

/// <summary>
/// The client's JSON metadata is found by the type's name (Serialization/JsonMetadata.cs) in the generated metadata of
/// the type's resource folder (<c>UsersJsonMetadata</c>), made from the type's generated converter: every type the
/// public <see cref="LogtoJsonContext"/> declares must be found that way, and the context finds its metadata the same way.
/// </summary>
public sealed class JsonMetadataLookupTests
{
    /// <summary>Every type the public context declares: the T of each of its <c>JsonTypeInfo&lt;T&gt;</c> properties.</summary>
    public static TheoryData<string> ContextTypes()
    {
        var data = new TheoryData<string>();
        foreach (Type type in DeclaredTypes())
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Fact]
    public void The_context_declares_hundreds_of_types_made_by_one_class_per_resource_folder()
    {
        // The theory below is only as strong as the list it runs over.
        Assert.InRange(DeclaredTypes().Count, 500, 5000);
        Assert.InRange(FolderClasses().Count, 20, 100);
        Assert.Contains(typeof(User), DeclaredTypes());
        Assert.Contains(typeof(IDictionary<string, JsonElement>), DeclaredTypes());
    }

    [Theory]
    [MemberData(nameof(ContextTypes))]
    public void Every_type_of_the_context_is_found_by_its_name_and_made_from_a_converter(string assemblyQualifiedName)
    {
        Type type = Type.GetType(assemblyQualifiedName, throwOnError: true)!;

        // Options that resolve the types inside this one (a nullable's value type) as the client's do.
        JsonTypeInfo? info = JsonMetadata.Create(type, JsonMetadata.Options);

        Assert.True(info is not null, $"{JsonMetadata.RuntimeName(type)} is not found by name: the client could not read or write it.");
        Assert.Equal(type, info.Type);
        Assert.Equal(JsonTypeInfoKind.None, info.Kind);
        Assert.NotNull(info.Converter);
    }

    [Fact]
    public void A_model_is_read_and_written_by_its_generated_converter_not_by_property_metadata()
    {
        JsonTypeInfo<User> user = JsonMetadata.Info<User>();

        Assert.Equal("UserJsonConverter", user.Converter.GetType().Name);
        Assert.Empty(user.Properties);
        Assert.Same(user, JsonMetadata.Info<User>());
    }

    [Fact]
    public void The_public_context_reads_and_writes_with_its_own_options_and_in_a_chain_of_resolvers()
    {
        string json = JsonSerializer.Serialize(new UserProfile { GivenName = "Ada" }, LogtoJsonContext.Default.UserProfile);
        Assert.Equal("""{"givenName":"Ada"}""", json);
        Assert.Same(LogtoJsonContext.Default.Options, LogtoJsonContext.Default.User.Options);
        Assert.Equal(typeof(bool?), LogtoJsonContext.Default.GetTypeInfo(typeof(bool?))!.Type);
        Assert.Null(LogtoJsonContext.Default.GetTypeInfo(typeof(JsonMetadataLookupTests)));

        // Bound to options of its own, as a source-generated context is; and usable in a chain of resolvers.
        var indented = new LogtoJsonContext(new JsonSerializerOptions { WriteIndented = true });
        Assert.Contains("\n", JsonSerializer.Serialize(new UserProfile { GivenName = "Ada" }, indented.UserProfile), StringComparison.Ordinal);
        var combined = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(LogtoJsonContext.Default, new DefaultJsonTypeInfoResolver()) };
        Assert.Equal("Ada", JsonSerializer.Deserialize<UserProfile>("""{"givenName":"Ada"}""", combined)!.GivenName);
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
        Assert.Equal(spelling, JsonMetadata.RuntimeName(type));

    [Fact]
    public void A_type_no_generated_name_covers_is_not_found_by_name()
    {
        Assert.Null(JsonMetadata.Create(typeof(JsonMetadataLookupTests), new JsonSerializerOptions()));
        Assert.Null(JsonMetadata.Create(typeof(List<User>), new JsonSerializerOptions()));
    }

    [Fact]
    public void The_client_reads_and_writes_with_the_contexts_settings()
    {
        JsonTypeInfo<UserProfile> info = JsonMetadata.Info<UserProfile>();

        // As the context: nulls are left out when writing, unknown properties kept.
        string json = JsonSerializer.Serialize(new UserProfile { GivenName = "Ada" }, info);
        Assert.Equal("""{"givenName":"Ada"}""", json);
        UserProfile read = JsonSerializer.Deserialize("""{"givenName":"Ada","shoeSize":44}""", info)!;
        Assert.Equal("Ada", read.GivenName);
        Assert.True(read.AdditionalData!.ContainsKey("shoeSize"));
        Assert.Same(info, JsonMetadata.Info<UserProfile>());
    }

    /// <summary>The generated classes that make the metadata of one resource folder each.</summary>
    private static List<Type> FolderClasses() =>
        [.. typeof(LogtoJsonContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "LogtoGenerated.Serialization" && t.IsAbstract && t.IsSealed && t.Name.EndsWith("JsonMetadata", StringComparison.Ordinal))];

    private static List<Type> DeclaredTypes() =>
        [.. typeof(LogtoJsonContext).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Distinct()];
}
