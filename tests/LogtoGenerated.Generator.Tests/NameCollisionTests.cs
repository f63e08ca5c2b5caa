using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>Different shapes that want the same name get distinct, meaningful names: never a number, never an exception.</summary>
public class NameCollisionTests
{
    /// <summary>An object schema with one string property.</summary>
    private static string Object(string property) => """{"type":"object","properties":{""" + "\"" + property + "\"" + """:{"type":"string"}}}""";

    /// <summary>An array of <see cref="Object"/>.</summary>
    private static string ListOf(string property) => """{"type":"array","items":""" + Object(property) + "}";

    /// <summary>An object schema with one property of the given schema.</summary>
    private static string With(string property, string schema) => """{"type":"object","properties":{""" + "\"" + property + "\":" + schema + "}}";

    [Fact]
    public void ShapesWantingTheEntityNameAreNamedAfterTheirOwnUse()
    {
        var model = new OpenApiDocument()
            .Get("/api/users/{id}", "GetUser", response: Object("id"))
            .Get("/api/users", "ListUsers", response: ListOf("name"))
            .Put("/api/users/{id}", "UpdateUser", body: Object("x"), response: Object("email"))
            .Operation("patch", "/api/users/{id}", "PatchUser", body: Object("y"), response: Object("phone"))
            .BuildSpec();

        Assert.Equal("User", model.ResponseType("GetUser").Name);
        Assert.Equal("UserListItem", model.ResponseType("ListUsers").Name);
        Assert.Equal("UpdateUserResponse", model.ResponseType("UpdateUser").Name);
        Assert.Equal("PatchUserResult", model.ResponseType("PatchUser").Name);
        AssertDistinctWithoutDigits(model);
    }

    [Fact]
    public void ThirdListShapeForTheSameResourceIsQualifiedByItsOperation()
    {
        var model = new OpenApiDocument()
            .Get("/api/users/{id}", "GetUser", response: Object("id"))
            .Get("/api/users", "ListUsers", response: ListOf("name"))
            .Get("/api/v2/users", "GetUsers", response: ListOf("email"))
            .BuildSpec();

        Assert.Equal(["User", "UserListItem", "GetUsersResponseListItem"], new[] { "GetUser", "ListUsers", "GetUsers" }.Select(id => model.ResponseType(id).Name));
        AssertDistinctWithoutDigits(model);
    }

    [Fact]
    public void NestedObjectWhoseNameIsTakenIsQualifiedByItsParentsOperation()
    {
        var model = new OpenApiDocument()
            .Get("/api/users/{id}/profile", "GetUserProfile", response: Object("bio"))
            .Get("/api/users/{id}", "GetUser", response: With("profile", Object("nickname")))
            .BuildSpec();

        var user = (ObjectSpec)model.ResponseType("GetUser");
        Assert.Equal("UserProfile", model.ResponseType("GetUserProfile").Name);
        Assert.Equal("GetUserResponseProfile", user.Property("profile").Type.ModelOf().Name);
        AssertDistinctWithoutDigits(model);
    }

    [Fact]
    public void ObjectNestedTwoLevelsDeepWhoseNameIsTakenIsQualifiedThroughItsParents()
    {
        var model = new OpenApiDocument()
            .Get("/api/user-profile-address", "GetUserProfileAddress", response: Object("x"))
            .Get("/api/users/{id}", "GetUser", response: With("profile", With("address", Object("street"))))
            .BuildSpec();

        var profile = (ObjectSpec)((ObjectSpec)model.ResponseType("GetUser")).Property("profile").Type.ModelOf();
        Assert.Equal("UserProfile", profile.Name);
        Assert.Equal("GetUserResponseProfileAddress", profile.Property("address").Type.ModelOf().Name);
        AssertDistinctWithoutDigits(model);
    }

    [Fact]
    public void NestedEnumWhoseNameIsTakenIsQualifiedByItsParentsOperation()
    {
        var model = new OpenApiDocument()
            .Get("/api/user-type", "GetUserType", response: Object("x"))
            .Get("/api/users/{id}", "GetUser", response: """{"type":"object","properties":{"type":{"type":"string","enum":["a","b"]}}}""")
            .BuildSpec();

        var user = (ObjectSpec)model.ResponseType("GetUser");
        Assert.Equal("UserType", model.ResponseType("GetUserType").Name);
        Assert.Equal("GetUserResponseType", Assert.IsType<EnumSpec>(user.Property("type").Type.ModelOf()).Name);
        AssertDistinctWithoutDigits(model);
    }

    [Fact]
    public void UnionAlternativeWhoseNameIsTakenIsQualifiedByTheUnionsOperation()
    {
        var model = new OpenApiDocument()
            .Get("/api/factor-totp", "GetFactorTotp", response: Object("x"))
            .Get("/api/factors/{id}", "GetFactor", response: """
                {"oneOf":[
                  {"type":"object","required":["type"],"properties":{"type":{"type":"string","format":"\"Totp\""},"secret":{"type":"string"}}},
                  {"type":"object","required":["type"],"properties":{"type":{"type":"string","format":"\"Sms\""}}}]}
                """)
            .BuildSpec();

        var union = Assert.IsType<UnionSpec>(model.ResponseType("GetFactor"));
        Assert.Equal("Factor", union.Name);
        Assert.Equal(["GetFactorTotpResponse", "FactorSms"], union.Alternatives.Select(a => a.Type.ModelOf().Name));
        AssertDistinctWithoutDigits(model);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SameCompoundPropertyInTwoParentsWithDifferentShapesIsQualifiedByTheParentLaterInOrdinalOrder(bool userFirst)
    {
        var document = new OpenApiDocument();
        var user = () => document.Get("/api/users/{id}", "GetUser", response: With("customDomains", ListOf("domain")));
        var application = () => document.Get("/api/applications/{id}", "GetApplication", response: With("customDomains", ListOf("host")));
        (userFirst ? user : application)();
        (userFirst ? application : user)();
        var model = document.BuildSpec();

        // Whatever the order of the document: Application.customDomains comes first in ordinal order.
        Assert.Equal("CustomDomain", ((ObjectSpec)model.ResponseType("GetApplication")).Property("customDomains").Type.ModelOf().Name);
        Assert.Equal("UserCustomDomain", ((ObjectSpec)model.ResponseType("GetUser")).Property("customDomains").Type.ModelOf().Name);
        AssertDistinctWithoutDigits(model);
    }

    [Fact]
    public void ManyShapesCompetingForOneNameAllGetDistinctNamesWithoutDigits()
    {
        var document = new OpenApiDocument().Get("/api/users/{id}", "GetUser", response: Object("id"));
        foreach (var (operationId, property) in new[] { ("ListUsers", "a"), ("GetUsers", "b"), ("SearchUsers", "c"), ("ListAllUsers", "d"), ("ExportUsers", "e") })
        {
            document.Get("/api/" + operationId.ToLowerInvariant(), operationId, response: ListOf(property));
            document.Post("/api/" + operationId.ToLowerInvariant(), "Create" + operationId, body: Object(property + "x"), response: Object(property + "y"));
        }

        var model = document.BuildSpec();

        Assert.Equal(16, model.Types.Length);
        AssertDistinctWithoutDigits(model);
    }

    private static void AssertDistinctWithoutDigits(ApiSpec model)
    {
        var names = model.Types.Select(t => t.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name =>
        {
            Assert.NotEmpty(name);
            Assert.False(char.IsDigit(name[^1]), $"'{name}' ends in a digit.");
        });
    }
}
