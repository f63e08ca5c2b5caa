using System.ComponentModel;
using System.Reflection;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Paging;
using LogtoGenerated.Serialization;

namespace LogtoGenerated.Tests.PublicApi;

/// <summary>
/// What only the generated code needs is internal, or, where it has to stay public, hidden from IntelliSense with
/// <c>[EditorBrowsable(EditorBrowsableState.Never)]</c>; what callers use (and mock) stays public and visible.
/// </summary>
public sealed class HiddenApiTests
{
    private static readonly Assembly Library = typeof(LogtoManagementClient).Assembly;

    [Theory]
    [InlineData(typeof(PathSegment))]
    [InlineData(typeof(JsonUnion))]
    [InlineData(typeof(PresenceConverter<>))]
    public void Helpers_only_the_generated_code_calls_are_internal(Type helper)
    {
        Assert.False(helper.IsVisible, $"{helper} is public; only the generated code in the library uses it.");
    }

    [Fact]
    public void Request_builder_constructors_taking_a_raw_path_are_internal_and_the_mocking_constructors_are_protected()
    {
        Type[] builders = RequestBuilders();
        Assert.True(builders.Length > 100, $"only {builders.Length} request builders found");

        foreach (Type builder in builders)
        {
            ConstructorInfo[] constructors = builder.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            ConstructorInfo withPath = Assert.Single(constructors, c => c.GetParameters().Length > 0);
            Assert.Equal([typeof(LogtoRequestAdapter), typeof(string)], withPath.GetParameters().Select(p => p.ParameterType));
            Assert.True(withPath.IsAssembly, $"{builder.Name}'s constructor taking a path is not internal");

            ConstructorInfo forMocking = Assert.Single(constructors, c => c.GetParameters().Length == 0);
            Assert.True(forMocking.IsFamily, $"{builder.Name}'s parameterless constructor is not protected");
            Assert.False(IsHidden(forMocking), $"{builder.Name}'s constructor for mocking is hidden from IntelliSense");
        }
    }

    [Fact]
    public void Serialization_types_named_by_attributes_of_public_models_stay_public_but_are_hidden_from_IntelliSense()
    {
        Type[] unionConverters = UnionConverters();
        Assert.NotEmpty(unionConverters);

        foreach (Type type in new[] { typeof(StringEnumConverter<>), typeof(IStringEnum<>), typeof(Presence<>) }.Concat(unionConverters))
        {
            Assert.True(type.IsVisible, $"{type} is not public");
            Assert.True(IsHidden(type), $"{type} is not marked [EditorBrowsable(EditorBrowsableState.Never)]");
        }
    }

    [Theory]
    [InlineData(typeof(LogtoManagementClient))]
    [InlineData(typeof(LogtoManagementOptions))]
    [InlineData(typeof(IAuthenticationProvider))]
    [InlineData(typeof(AnonymousAuthenticationProvider))]
    [InlineData(typeof(LogtoRequestAdapter))]
    [InlineData(typeof(RequestInformation))]
    [InlineData(typeof(RequestConfiguration))]
    [InlineData(typeof(RequestConfiguration<>))]
    [InlineData(typeof(QueryStringBuilder))]
    [InlineData(typeof(IQueryParameters))]
    [InlineData(typeof(LogtoPager))]
    [InlineData(typeof(LogtoPage<>))]
    [InlineData(typeof(LogtoApiException))]
    [InlineData(typeof(LogtoJsonContext))]
    public void Types_callers_use_are_public_and_shown_with_all_their_members(Type type)
    {
        Assert.True(type.IsVisible, $"{type} is not public");
        Assert.False(IsHidden(type), $"{type} is hidden from IntelliSense");
        MemberInfo[] hidden = type
            .GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(IsHidden)
            .ToArray();
        Assert.True(hidden.Length == 0, $"{type} hides {string.Join(", ", hidden.Select(m => m.Name))}");
    }

    [Fact]
    public void Generated_enumerations_and_unions_show_their_own_members()
    {
        Type enumeration = Library.GetTypes().First(t => t.IsValueType && t.IsVisible && IsStringEnum(t));
        Type union = UnionConverters()[0].DeclaringType!;

        foreach (Type type in new[] { enumeration, union })
        {
            Assert.False(IsHidden(type), $"{type} is hidden from IntelliSense");
            Assert.All(
                type.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly)
                    .Where(m => m is not Type),
                m => Assert.False(IsHidden(m), $"{type}.{m.Name} is hidden from IntelliSense"));
        }
    }

    private static Type[] RequestBuilders() =>
        [.. Library.GetTypes().Where(t => t.IsVisible && t.Namespace?.StartsWith("LogtoGenerated.RequestBuilders", StringComparison.Ordinal) == true && t.Name.EndsWith("RequestBuilder", StringComparison.Ordinal))];

    /// <summary>The nested <c>JsonConverter</c> of every generated union, by the union's name.</summary>
    private static Type[] UnionConverters() =>
        [.. Library.GetTypes()
            .Where(t => t.IsNested && t.Name == "JsonConverter" && t.DeclaringType!.Namespace == "LogtoGenerated.Models")
            .OrderBy(t => t.DeclaringType!.Name, StringComparer.Ordinal)];

    private static bool IsStringEnum(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStringEnum<>));

    private static bool IsHidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;
}
