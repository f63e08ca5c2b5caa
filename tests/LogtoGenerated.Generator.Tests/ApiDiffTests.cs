using LogtoGenerated.Generator.Comparing;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// The <c>diff</c> command's comparison: each kind of change between two purpose-made documents, whether it is
/// breaking, and how it is worded. Every test asserts the whole list of changes, so nothing else is reported.
/// </summary>
public class ApiDiffTests
{
    private const string UserRef = """{"$ref":"#/components/schemas/User"}""";
    private const string StringList = """{"type":"array","items":{"type":"string"}}""";
    private const string User = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""";
    private const string UsersSubject = "`GET /api/users` (`ListUsers`): `client.Users.GetAsync`";

    private static ApiChanges Compare(OpenApiDocument oldDocument, OpenApiDocument newDocument) =>
        ApiComparer.Compare(oldDocument.BuildSpec(), newDocument.BuildSpec(), "old.json", "new.json");

    /// <summary>The breaking changes, one line each: <c>Group: subject</c> or <c>Group: subject | detail</c>.</summary>
    private static string[] Breaking(ApiChanges changes) => changes.Changes.Where(c => c.Breaking).Select(Line).ToArray();

    /// <summary>The other changes, as <see cref="Breaking"/> writes them.</summary>
    private static string[] Other(ApiChanges changes) => changes.Changes.Where(c => !c.Breaking).Select(Line).ToArray();

    private static string Line(ApiChange change) => change.Detail is null ? $"{change.Group}: {change.Subject}" : $"{change.Group}: {change.Subject} | {change.Detail}";

    /// <summary>Asserts that the only change is <paramref name="line"/>, breaking or not.</summary>
    private static void AssertOnly(ApiChanges changes, bool breaking, string line)
    {
        Assert.Equal(breaking ? [line] : [], Breaking(changes));
        Assert.Equal(breaking ? [] : [line], Other(changes));
    }

    private static OpenApiDocument UserDocument(string user = User) =>
        new OpenApiDocument().Get("/api/users/{userId}", "GetUser", response: UserRef).Schema("User", user);

    [Fact]
    public void IdenticalDocumentsHaveNoChanges()
    {
        var changes = Compare(UserDocument(), UserDocument());

        Assert.Empty(changes.Changes);
        Assert.Equal("No changes for users of the client from old.json to new.json.\n", ChangeReport.Write(changes, ReportFormat.Text));
    }

    [Fact]
    public void LogtosDocumentComparedWithItselfHasNoChanges()
    {
        var model = GeneratorRun.BuildSpec(File.ReadAllText(RepositoryFiles.LogtoDocument));

        Assert.Empty(ApiComparer.Compare(model, GeneratorRun.BuildSpec(File.ReadAllText(RepositoryFiles.LogtoDocument)), "a", "b").Changes);
    }

    // ---- Operations -------------------------------------------------------------------------------------------

    [Fact]
    public void AddedOperationIsNotBreakingAndNamesTheCallReachingIt()
    {
        var changes = Compare(UserDocument(), UserDocument().Get("/api/users/{userId}/roles", "ListUserRoles", response: StringList));

        AssertOnly(changes, breaking: false, "OperationsAdded: `GET /api/users/{userId}/roles` (`ListUserRoles`): `client.Users[\"{userId}\"].Roles.GetAsync`");
    }

    [Fact]
    public void RemovedOperationIsBreaking()
    {
        var changes = Compare(UserDocument().Operation("delete", "/api/users/{userId}", "DeleteUser"), UserDocument());

        AssertOnly(changes, breaking: true, "OperationsRemoved: `DELETE /api/users/{userId}` (`DeleteUser`): `client.Users[\"{userId}\"].DeleteAsync`");
    }

    [Fact]
    public void OperationWhosePathChangedIsRemovedAndAddedWithItsNewPlaceNamed()
    {
        var changes = Compare(
            UserDocument().Operation("delete", "/api/users/{userId}/avatar", "DeleteUserAvatar"),
            UserDocument().Operation("delete", "/api/users/{userId}/picture", "DeleteUserAvatar"));

        Assert.Equal(
            ["OperationsRemoved: `DELETE /api/users/{userId}/avatar` (`DeleteUserAvatar`): `client.Users[\"{userId}\"].Avatar.DeleteAsync`; `DeleteUserAvatar` is now `DELETE /api/users/{userId}/picture`"],
            Breaking(changes));
        Assert.Equal(["OperationsAdded: `DELETE /api/users/{userId}/picture` (`DeleteUserAvatar`): `client.Users[\"{userId}\"].Picture.DeleteAsync`"], Other(changes));
    }

    [Fact]
    public void RenamedPathParameterIsTheSameOperation()
    {
        var changes = Compare(
            new OpenApiDocument().Get("/api/users/{id}", "GetUser", response: UserRef).Schema("User", User),
            new OpenApiDocument().Get("/api/users/{userId}", "GetUser", response: UserRef).Schema("User", User));

        Assert.Empty(changes.Changes);
    }

    [Fact]
    public void PathParameterTypeChangeIsBreakingAndNamesTheNewCall()
    {
        var changes = Compare(
            new OpenApiDocument().Get("/api/logs/{id}", "GetLog", response: StringList),
            new OpenApiDocument().Get("/api/logs/{id}", "GetLog", response: StringList, parameters: """[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}]"""));

        AssertOnly(
            changes,
            breaking: true,
            "OperationsChanged: `GET /api/logs/{id}` (`GetLog`): `client.Logs.ById(id).GetAsync` | path parameter `{id}`: `string` -> `int`; the call is now `client.Logs.ById(id).GetAsync` (was `client.Logs[\"{id}\"].GetAsync`)");
    }

    [Fact]
    public void ChangedOperationIdRenamesTheQueryParametersClass()
    {
        const string Search = """[{"name":"search","in":"query","schema":{"type":"string"}}]""";
        var changes = Compare(
            new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList, parameters: Search),
            new OpenApiDocument().Get("/api/users", "ListAllUsers", response: StringList, parameters: Search));

        AssertOnly(
            changes,
            breaking: true,
            "OperationsChanged: `GET /api/users` (`ListAllUsers`): `client.Users.GetAsync` | operationId `ListUsers` is now `ListAllUsers`, so its query parameters class `ListUsersQueryParameters` is now `ListAllUsersQueryParameters`");
    }

    [Fact]
    public void ChangedOperationIdWithoutQueryParametersIsNotBreaking()
    {
        var changes = Compare(
            new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList),
            new OpenApiDocument().Get("/api/users", "ListAllUsers", response: StringList));

        AssertOnly(changes, breaking: false, "OperationsChanged: `GET /api/users` (`ListAllUsers`): `client.Users.GetAsync` | operationId `ListUsers` is now `ListAllUsers`");
    }

    [Theory]
    [InlineData("[]", """[{"name":"tenant","in":"query","required":true,"schema":{"type":"string"}}]""", true,
        "new required query parameter `tenant`, a new argument of `GetAsync`: `string tenant`")]
    [InlineData("[]", """[{"name":"search","in":"query","schema":{"type":"string"}}]""", false,
        "new optional query parameter `search`: `QueryParameters.Search` (`string?`)")]
    [InlineData("""[{"name":"search","in":"query","schema":{"type":"string"}}]""", "[]", true,
        "optional query parameter `search` removed: `QueryParameters.Search`")]
    [InlineData("""[{"name":"tenant","in":"query","required":true,"schema":{"type":"string"}}]""", "[]", true,
        "required query parameter `tenant` removed, no longer an argument of `GetAsync`: `string tenant`")]
    [InlineData("""[{"name":"tenant","in":"query","schema":{"type":"string"}}]""", """[{"name":"tenant","in":"query","required":true,"schema":{"type":"string"}}]""", true,
        "query parameter `tenant` is now required, a new argument of `GetAsync` instead of `QueryParameters.Tenant`: `string tenant`")]
    [InlineData("""[{"name":"tenant","in":"query","required":true,"schema":{"type":"string"}}]""", """[{"name":"tenant","in":"query","schema":{"type":"string"}}]""", true,
        "query parameter `tenant` is now optional: no longer an argument of `GetAsync`, set `QueryParameters.Tenant` instead")]
    [InlineData("""[{"name":"limit","in":"query","schema":{"type":"string"}}]""", """[{"name":"limit","in":"query","schema":{"type":"integer"}}]""", true,
        "optional query parameter `limit` (`QueryParameters.Limit`): `string?` -> `int?`")]
    [InlineData("""[{"name":"tenant","in":"query","required":true,"schema":{"type":"string"}}]""", """[{"name":"tenant","in":"query","required":true,"schema":{"type":"boolean"}}]""", true,
        "required query parameter `tenant`: `string` -> `bool`")]
    [InlineData(
        """[{"name":"a","in":"query","required":true,"schema":{"type":"string"}},{"name":"b","in":"query","required":true,"schema":{"type":"string"}}]""",
        """[{"name":"b","in":"query","required":true,"schema":{"type":"string"}},{"name":"a","in":"query","required":true,"schema":{"type":"string"}}]""", true,
        "the query arguments of `GetAsync` are in a new order: `b, a`")]
    public void QueryParameterChanges(string oldParameters, string newParameters, bool breaking, string detail)
    {
        var changes = Compare(
            new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList, parameters: oldParameters),
            new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList, parameters: newParameters));

        AssertOnly(changes, breaking, $"OperationsChanged: {UsersSubject} | {detail}");
    }

    [Fact]
    public void LosingPagingIsBreakingAndGainingItIsNot()
    {
        const string Paged = """[{"name":"page","in":"query","schema":{"type":"integer"}},{"name":"page_size","in":"query","schema":{"type":"integer"}}]""";
        const string PageOnly = """[{"name":"page","in":"query","schema":{"type":"integer"}}]""";
        var paged = new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList, parameters: Paged);
        var notPaged = new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList, parameters: PageOnly);

        var lost = Compare(paged, notPaged);
        var gained = Compare(notPaged, paged);

        Assert.Equal(
            [
                $"OperationsChanged: {UsersSubject} | optional query parameter `page_size` removed: `QueryParameters.PageSize`",
                $"OperationsChanged: {UsersSubject} | no longer a paged list: `GetPageAsync` and `GetAllAsync` removed",
            ],
            Breaking(lost));
        Assert.Empty(Other(lost));
        Assert.Empty(Breaking(gained));
        Assert.Equal(
            [
                $"OperationsChanged: {UsersSubject} | new optional query parameter `page_size`: `QueryParameters.PageSize` (`int?`)",
                $"OperationsChanged: {UsersSubject} | now a paged list: `GetPageAsync` and `GetAllAsync` added",
            ],
            Other(gained));
    }

    [Fact]
    public void DeprecatedOperationIsNotBreaking()
    {
        var changes = Compare(
            new OpenApiDocument().Get("/api/users", "ListUsers", response: StringList),
            new OpenApiDocument().Operation("get", "/api/users", "ListUsers", response: StringList, deprecated: true));

        AssertOnly(changes, breaking: false, $"OperationsChanged: {UsersSubject} | deprecated by Logto");
    }

    // ---- Request bodies and responses -------------------------------------------------------------------------

    private const string CreateUserRef = """{"$ref":"#/components/schemas/CreateUser"}""";
    private const string CreateUser = """{"type":"object","required":["username"],"properties":{"username":{"type":"string"}}}""";
    private const string PostSubject = "`POST /api/users` (`CreateUser`): `client.Users.PostAsync`";

    [Fact]
    public void AddedRequestBodyIsANewArgumentAndBreaking()
    {
        var changes = Compare(
            new OpenApiDocument().Post("/api/users", "CreateUser"),
            new OpenApiDocument().Post("/api/users", "CreateUser", body: CreateUserRef).Schema("CreateUser", CreateUser));

        Assert.Equal([$"OperationsChanged: {PostSubject} | new request body, a new argument of `PostAsync`: `CreateUser body`"], Breaking(changes));
        Assert.Equal(["TypesAdded: `CreateUser` (object, in requests)"], Other(changes));
    }

    [Fact]
    public void RemovedRequestBodyAndItsTypeAreBreaking()
    {
        var changes = Compare(
            new OpenApiDocument().Post("/api/users", "CreateUser", body: CreateUserRef).Schema("CreateUser", CreateUser),
            new OpenApiDocument().Post("/api/users", "CreateUser"));

        Assert.Equal(
            [
                $"OperationsChanged: {PostSubject} | request body removed, no longer an argument of `PostAsync`: `CreateUser body`",
                "TypesRemoved: `CreateUser` (object, in requests)",
            ],
            Breaking(changes));
        Assert.Empty(Other(changes));
    }

    [Fact]
    public void RequestBodyTypeChangeIsBreaking()
    {
        var changes = Compare(
            new OpenApiDocument().Post("/api/users", "CreateUser", body: CreateUserRef).Schema("CreateUser", CreateUser),
            new OpenApiDocument().Post("/api/users", "CreateUser", body: """{"type":"array","items":""" + CreateUserRef + "}").Schema("CreateUser", CreateUser));

        AssertOnly(changes, breaking: true, $"OperationsChanged: {PostSubject} | request body: `CreateUser` -> `IList<CreateUser>`");
    }

    [Fact]
    public void RequestBodyBecomingOptionalIsNotBreakingButBecomingRequiredIs()
    {
        var required = new OpenApiDocument().Post("/api/users", "CreateUser", body: CreateUserRef).Schema("CreateUser", CreateUser);
        var optional = new OpenApiDocument().Operation("post", "/api/users", "CreateUser", body: CreateUserRef, bodyRequired: false).Schema("CreateUser", CreateUser);

        AssertOnly(Compare(required, optional), breaking: false, $"OperationsChanged: {PostSubject} | the request body is now optional");
        AssertOnly(Compare(optional, required), breaking: true, $"OperationsChanged: {PostSubject} | the request body is now required: `body` can no longer be null or left out");
    }

    [Theory]
    [InlineData(null, """{"type":"string"}""", false, "`DeleteAsync` now returns `string`")]
    [InlineData("""{"type":"string"}""", null, true, "`DeleteAsync` no longer returns a value (it returned `string`)")]
    [InlineData(StringList, """{"type":"array","items":{"type":"integer"}}""", true, "response: `IReadOnlyList<string>` -> `IReadOnlyList<int>`")]
    public void ResponseChanges(string? oldResponse, string? newResponse, bool breaking, string detail)
    {
        var changes = Compare(
            new OpenApiDocument().Operation("delete", "/api/users/{userId}", "DeleteUser", response: oldResponse),
            new OpenApiDocument().Operation("delete", "/api/users/{userId}", "DeleteUser", response: newResponse));

        AssertOnly(changes, breaking, $"OperationsChanged: `DELETE /api/users/{{userId}}` (`DeleteUser`): `client.Users[\"{{userId}}\"].DeleteAsync` | {detail}");
    }

    // ---- Model types ------------------------------------------------------------------------------------------

    private const string ResponseUser = """
        {"type":"object","required":["id","name","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """;

    [Theory]
    [InlineData("""
        {"type":"object","required":["id","name","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"},"bio":{"type":"string"}}}
        """, false, "new property `Bio` (`string?`)")]
    [InlineData("""
        {"type":"object","required":["id","name","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"string"},"avatar":{"type":"string","nullable":true}}}
        """, true, "property `Nickname` removed")]
    [InlineData("""
        {"type":"object","required":["id","name","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"integer"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """, true, "property `Name`: `string` -> `int`")]
    [InlineData("""
        {"type":"object","required":["id","name","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"string","nullable":true},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """, true, "property `Name` now nullable (`string` -> `string?`): responses may hold null")]
    [InlineData("""
        {"type":"object","required":["id","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """, true, "property `Name` now optional (`string` -> `string?`): responses may leave it out")]
    [InlineData("""
        {"type":"object","required":["id","name","avatar"],"properties":{
          "id":{"type":"string"},"name":{"type":"string"},"avatar":{"type":"string"},"nickname":{"type":"string"}}}
        """, false, "property `Avatar` no longer nullable (`string?` -> `string`)")]
    [InlineData("""
        {"type":"object","required":["id","name","avatar","nickname"],"properties":{
          "id":{"type":"string"},"name":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """, false, "property `Nickname` now required (`string?` -> `string`)")]
    public void ResponseModelChangesBreakCallersWhenAValueTheyReadMayBeMissing(string newUser, bool breaking, string detail)
    {
        var changes = Compare(UserDocument(ResponseUser), UserDocument(newUser));

        AssertOnly(changes, breaking, $"TypesChanged: `User` (object, in responses) | {detail}");
    }

    private const string RequestUser = """
        {"type":"object","required":["username"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """;

    private static OpenApiDocument CreateUserDocument(string createUser) =>
        new OpenApiDocument().Post("/api/users", "CreateUser", body: CreateUserRef).Schema("CreateUser", createUser);

    [Theory]
    [InlineData("""
        {"type":"object","required":["username","email"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"},"email":{"type":"string"}}}
        """, true, "new property `Email` (`string`): required, so requests must set it")]
    [InlineData("""
        {"type":"object","required":["username"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"},"email":{"type":"string"}}}
        """, false, "new property `Email` (`string?`)")]
    [InlineData("""
        {"type":"object","required":["username","nickname"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """, true, "property `Nickname` now required (`string?` -> `string`): requests must set it")]
    [InlineData("""
        {"type":"object","properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string"}}}
        """, false, "property `Username` now optional (`string` -> `string?`)")]
    [InlineData("""
        {"type":"object","required":["username"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string"},"nickname":{"type":"string"}}}
        """, true, "property `Avatar` no longer nullable: requests can no longer send null")]
    [InlineData("""
        {"type":"object","required":["username"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true},"nickname":{"type":"string","nullable":true}}}
        """, false, "property `Nickname` now nullable")]
    [InlineData("""
        {"type":"object","required":["username"],"properties":{
          "username":{"type":"string"},"avatar":{"type":"string","nullable":true}}}
        """, true, "property `Nickname` removed")]
    public void RequestModelChangesBreakCallersWhenTheyMustSendMoreOrCannotSendNull(string newCreateUser, bool breaking, string detail)
    {
        var changes = Compare(CreateUserDocument(RequestUser), CreateUserDocument(newCreateUser));

        AssertOnly(changes, breaking, $"TypesChanged: `CreateUser` (object, in requests) | {detail}");
    }

    [Fact]
    public void ModelUsedInRequestsAndResponsesBreaksOnANullabilityChangeEitherWay()
    {
        static OpenApiDocument Document(string user) => new OpenApiDocument()
            .Get("/api/users/{userId}", "GetUser", response: UserRef)
            .Put("/api/users/{userId}", "ReplaceUser", body: UserRef, response: UserRef)
            .Schema("User", user);
        const string NonNull = """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""";
        const string Nullable = """{"type":"object","required":["id"],"properties":{"id":{"type":"string","nullable":true}}}""";

        AssertOnly(Compare(Document(NonNull), Document(Nullable)), breaking: true,
            "TypesChanged: `User` (object, in requests and responses) | property `Id` now nullable (`string` -> `string?`): responses may hold null");
        AssertOnly(Compare(Document(Nullable), Document(NonNull)), breaking: true,
            "TypesChanged: `User` (object, in requests and responses) | property `Id` no longer nullable (`string?` -> `string`): requests must set it; requests can no longer send null");
    }

    [Fact]
    public void RemovedEnumValueIsBreakingAndAddedOneIsNot()
    {
        static OpenApiDocument Document(string values) => UserDocument("""{"type":"object","properties":{"role":{"$ref":"#/components/schemas/Role"}}}""")
            .Schema("Role", $$"""{"type":"string","enum":[{{values}}]}""");

        var changes = Compare(Document("\"admin\",\"user\""), Document("\"admin\",\"guest\""));

        Assert.Equal(["TypesChanged: `Role` (enum, in responses) | value `user` removed (`Role.User`)"], Breaking(changes));
        Assert.Equal(["TypesChanged: `Role` (enum, in responses) | new value `guest` (`Role.Guest`)"], Other(changes));
    }

    [Fact]
    public void RemovedUnionAlternativeIsBreakingAndAddedOneIsNot()
    {
        static string Alternative(string literal, string property) =>
            """{"type":"object","required":["type"],"properties":{"type":{"type":"string","format":"\"LITERAL\""},"PROPERTY":{"type":"string"}}}"""
                .Replace("LITERAL", literal, StringComparison.Ordinal).Replace("PROPERTY", property, StringComparison.Ordinal);
        static OpenApiDocument Document(params string[] alternatives) => new OpenApiDocument()
            .Post("/api/verifications", "CreateVerification", body: $$"""{"oneOf":[{{string.Join(",", alternatives)}}]}""");

        var changes = Compare(Document(Alternative("A", "code"), Alternative("B", "token")), Document(Alternative("A", "code"), Alternative("C", "link")));

        Assert.Equal(
            [
                "TypesRemoved: `CreateVerificationBRequest` (object, in requests)",
                "TypesChanged: `CreateVerificationRequest` (union, in requests) | alternative `B` (`CreateVerificationBRequest`) removed",
            ],
            Breaking(changes));
        Assert.Equal(
            [
                "TypesAdded: `CreateVerificationCRequest` (object, in requests)",
                "TypesChanged: `CreateVerificationRequest` (union, in requests) | new alternative `C` (`CreateVerificationCRequest`)",
            ],
            Other(changes));
    }

    [Fact]
    public void TypeRenamedBehindAnOperationIsReportedOnceAsARenameAndComparedUnderItsNewName()
    {
        var changes = Compare(
            new OpenApiDocument().Get("/api/users/{userId}", "GetUser", response: """{"$ref":"#/components/schemas/UserResponse"}""").Schema("UserResponse", User),
            new OpenApiDocument().Get("/api/users/{userId}", "GetUser", response: UserRef)
                .Schema("User", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"bio":{"type":"string"}}}"""));

        Assert.Equal(["TypesRenamed: `UserResponse` -> `User` (found through the response of `GetUser`)"], Breaking(changes));
        Assert.Equal(["TypesChanged: `User` (was `UserResponse`; object, in responses) | new property `Bio` (`string?`)"], Other(changes));
    }

    [Fact]
    public void TypeRenamedBehindAPropertyIsFoundThroughTheTypeHoldingIt()
    {
        static OpenApiDocument Document(string profile) => UserDocument("""{"type":"object","properties":{"profile":{"$ref":"#/components/schemas/PROFILE"}}}""".Replace("PROFILE", profile, StringComparison.Ordinal))
            .Schema(profile, """{"type":"object","properties":{"bio":{"type":"string"}}}""");

        var changes = Compare(Document("Profile"), Document("UserProfile"));

        AssertOnly(changes, breaking: true, "TypesRenamed: `Profile` -> `UserProfile` (found through the property `User.Profile`)");
    }

    [Fact]
    public void TypeThatChangedKindIsBreaking()
    {
        static OpenApiDocument Document(string status) => UserDocument("""{"type":"object","properties":{"status":{"$ref":"#/components/schemas/Status"}}}""")
            .Schema("Status", status);

        var changes = Compare(
            Document("""{"type":"string","enum":["active","suspended"]}"""),
            Document("""{"type":"object","properties":{"code":{"type":"string"}}}"""));

        AssertOnly(changes, breaking: true, "TypesChanged: `Status` (object, in responses) | was an enum, now an object");
    }

    // ---- The report -------------------------------------------------------------------------------------------

    /// <summary>A pair with a change of most kinds: the example of the README.</summary>
    internal static (OpenApiDocument Old, OpenApiDocument New) SamplePair()
    {
        var old = new OpenApiDocument()
            .Get("/api/users/{userId}", "GetUser", response: UserRef)
            .Get("/api/users", "ListUsers", response: """{"type":"array","items":""" + UserRef + "}",
                parameters: """[{"name":"search","in":"query","schema":{"type":"string"}}]""")
            .Operation("delete", "/api/users/{userId}/avatar", "DeleteUserAvatar")
            .Schema("User", """
                {"type":"object","required":["id","primaryEmail"],"properties":{
                  "id":{"type":"string"},"primaryEmail":{"type":"string"},"role":{"$ref":"#/components/schemas/UserRole"}}}
                """)
            .Schema("UserRole", """{"type":"string","enum":["admin","user","guest"]}""");
        var @new = new OpenApiDocument()
            .Get("/api/users/{userId}", "GetUser", response: UserRef)
            .Get("/api/users", "ListUsers", response: """{"type":"array","items":""" + UserRef + "}",
                parameters: """[{"name":"search","in":"query","schema":{"type":"string"}},{"name":"tenantId","in":"query","required":true,"schema":{"type":"string"}}]""")
            .Get("/api/users/{userId}/sessions", "ListUserSessions", response: StringList)
            .Schema("User", """
                {"type":"object","required":["id"],"properties":{
                  "id":{"type":"string"},"primaryEmail":{"type":"string"},"role":{"$ref":"#/components/schemas/UserRole"},"lastSignInAt":{"type":"number","nullable":true}}}
                """)
            .Schema("UserRole", """{"type":"string","enum":["admin","user","owner"]}""");
        return (old, @new);
    }

    [Fact]
    public void TextReportGroupsChangesAndMarksTheBreakingOnes()
    {
        var (old, @new) = SamplePair();

        var report = ChangeReport.Write(Compare(old, @new), ReportFormat.Text);

        Assert.Equal(
            """
            Changes to the client from old.json to new.json: 4 breaking changes (marked BREAKING), 3 other changes.

            Operations removed
              BREAKING: DELETE /api/users/{userId}/avatar (DeleteUserAvatar): client.Users["{userId}"].Avatar.DeleteAsync

            Operations added
              GET /api/users/{userId}/sessions (ListUserSessions): client.Users["{userId}"].Sessions.GetAsync

            Operations changed
              GET /api/users (ListUsers): client.Users.GetAsync
                BREAKING: new required query parameter tenantId, a new argument of GetAsync: string tenantId

            Types changed
              User (object, in responses)
                BREAKING: property PrimaryEmail now optional (string -> string?): responses may leave it out
                new property LastSignInAt (DateTimeOffset?)
              UserRole (enum, in responses)
                BREAKING: value guest removed (UserRole.Guest)
                new value owner (UserRole.Owner)

            """.ReplaceLineEndings("\n"),
            report);
    }

    [Fact]
    public void MarkdownReportKeepsCodeInBackticks()
    {
        var (old, @new) = SamplePair();

        var report = ChangeReport.Write(Compare(old, @new), ReportFormat.Markdown);

        Assert.Equal(
            """
            ## Changes to the client

            Changes to the client from `old.json` to `new.json`: **4 breaking changes (marked BREAKING)**, 3 other changes.

            ### Operations removed

            - **BREAKING:** `DELETE /api/users/{userId}/avatar` (`DeleteUserAvatar`): `client.Users["{userId}"].Avatar.DeleteAsync`

            ### Operations added

            - `GET /api/users/{userId}/sessions` (`ListUserSessions`): `client.Users["{userId}"].Sessions.GetAsync`

            ### Operations changed

            - `GET /api/users` (`ListUsers`): `client.Users.GetAsync`
              - **BREAKING:** new required query parameter `tenantId`, a new argument of `GetAsync`: `string tenantId`

            ### Types changed

            - `User` (object, in responses)
              - **BREAKING:** property `PrimaryEmail` now optional (`string` -> `string?`): responses may leave it out
              - new property `LastSignInAt` (`DateTimeOffset?`)
            - `UserRole` (enum, in responses)
              - **BREAKING:** value `guest` removed (`UserRole.Guest`)
              - new value `owner` (`UserRole.Owner`)

            """.ReplaceLineEndings("\n"),
            report);
    }

    [Fact]
    public void ReadmeShowsTheTextReportOfTheSamplePair()
    {
        var (old, @new) = SamplePair();

        var report = ChangeReport.Write(Compare(old, @new), ReportFormat.Text);

        Assert.Contains("```text\n" + report + "```\n", File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportIsTheSameEveryTime()
    {
        var (old, @new) = SamplePair();

        Assert.Equal(ChangeReport.Write(Compare(old, @new), ReportFormat.Text), ChangeReport.Write(Compare(old, @new), ReportFormat.Text));
    }
}
