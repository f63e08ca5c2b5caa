using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>How model types are named after their uses (Documents/users.json and small inline documents).</summary>
public class TypeNamingTests
{
    private static readonly ApiSpec Users = GeneratorRun.BuildSpec(GeneratorRun.Document("users.json"));

    [Fact]
    public void ResponseOfGetOperationIsNamedAfterTheResource()
    {
        Assert.Equal("User", Users.ResponseType("GetUser").Name);
    }

    [Fact]
    public void ListItemsOfTheSameShapeAreTheEntityType()
    {
        var list = Assert.IsType<ListShape>(Users.Operation("ListUsers").Response.Type!.Type);

        Assert.Same(Users.ResponseType("GetUser"), Assert.IsType<NamedShape>(list.Item.Type).Type);
        Assert.Same(Users.ResponseType("GetUser"), Users.ResponseType("CreateUser"));
    }

    [Fact]
    public void RequestBodyIsNamedAfterItsOperation()
    {
        Assert.Equal("CreateUserRequest", Users.BodyType("CreateUser").Name);
    }

    [Fact]
    public void BodySharedByTwoOperationsOnOneResourceIsNamedAfterTheResource()
    {
        var body = Users.BodyType("AddOrganizationUsers");

        Assert.Same(body, Users.BodyType("ReplaceOrganizationUsers"));
        Assert.Equal("OrganizationUsersRequest", body.Name);
    }

    [Fact]
    public void NestedObjectIsNamedAfterItsParentAndProperty()
    {
        var user = (ObjectSpec)Users.ResponseType("GetUser");

        Assert.Equal("UserProfile", user.Property("profile").Type.ModelOf().Name);
    }

    [Fact]
    public void ItemsOfACompoundPropertyNameAreNamedAfterThePropertyInTheSingular()
    {
        var user = (ObjectSpec)Users.ResponseType("GetUser");

        Assert.Equal("CustomDomain", user.Property("customDomains").Type.ModelOf().Name);
    }

    [Fact]
    public void TypesAreFiledUnderTheFolderOfTheirOperationsTag()
    {
        var files = GeneratorRun.Generate(GeneratorRun.Document("users.json"));

        Assert.Contains("Models/Users/User.cs", files.Keys);
        Assert.Contains("Models/Users/UserProfile.cs", files.Keys);
        Assert.Contains("Models/Organizations/OrganizationUsersRequest.cs", files.Keys);
    }

    private const string Role = """{"type":"object","required":["id","name"],"properties":{"id":{"type":"string"},"name":{"type":"string"}}}""";

    [Theory]
    [InlineData("""{"scopes":{"type":"array","items":{"type":"string"}}}""", "RoleWithScopes")]
    [InlineData("""{"scopes":{"type":"array","items":{"type":"string"}},"usersCount":{"type":"integer"}}""", "RoleWithScopesAndUsersCount")]
    [InlineData("""{"scopes":{"type":"array","items":{"type":"string"}},"usersCount":{"type":"integer"},"featuredUsers":{"type":"array","items":{"type":"string"}}}""", "RoleListItem")]
    public void ListItemExtendingTheEntityIsNamedByWhatItAddsOrAsAListItem(string extraProperties, string expected)
    {
        var properties = "{\"id\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"}," + extraProperties[1..];
        var model = new OpenApiDocument()
            .Get("/api/roles/{id}", "GetRole", response: Role)
            .Get("/api/roles", "ListRoles", response: """{"type":"array","items":{"type":"object","required":["id","name"],"properties":""" + properties + "}}")
            .BuildSpec();

        Assert.Equal("Role", model.ResponseType("GetRole").Name);
        Assert.Equal(expected, model.ResponseType("ListRoles").Name);
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        foreach (var document in new[] { "users.json", "kitchen-sink.json" })
        {
            var json = GeneratorRun.Document(document);

            var first = GeneratorRun.Generate(json);
            var second = GeneratorRun.Generate(json);

            Assert.Equal(first.Keys, second.Keys);
            foreach (var (path, source) in first)
            {
                Assert.True(string.Equals(source, second[path], StringComparison.Ordinal), $"{document}: {path} differs between two runs.");
            }
        }
    }

    [Fact]
    public void NamesInTheTestDocumentsNeverEndInADigit()
    {
        foreach (var document in new[] { "users.json", "kitchen-sink.json" })
        {
            var model = GeneratorRun.BuildSpec(GeneratorRun.Document(document));

            Assert.All(model.Types, type => Assert.False(char.IsDigit(type.Name[^1]), $"{document}: {type.Name}"));
        }
    }
}
