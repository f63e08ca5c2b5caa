using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Names stay true and stable through Logto's real history: generating from the oldest document in
/// <c>openapi/history/</c> and swapping in each newer one (the current document last) with the record of names kept,
/// no type is renamed and no name is untrue to a use of its type, at any step. The replay uses the rules and the record
/// alone: the committed overrides are for the current document's uses.
/// </summary>
public sealed class NameHistoryTests
{
    private static readonly string HistoryFolder = Path.Combine(RepositoryFiles.Root, "openapi", "history");

    /// <summary>The earlier documents, oldest first, then the current one.</summary>
    public static IReadOnlyList<string> Documents() =>
        [.. Directory.GetFiles(HistoryFolder, "*.openapi.json").OrderBy(ReleaseOf), RepositoryFiles.LogtoDocument];

    private static Version ReleaseOf(string document) => Version.Parse(Path.GetFileName(document).Split('-')[1]);

    [Fact]
    public void ReplayingLogtoReleasesRenamesNoTypeAndLeavesNoNameUntrue()
    {
        var documents = Documents();
        Assert.True(documents.Count >= 5, $"expected four earlier documents in {HistoryFolder}");
        var committed = GeneratorInputs.FromFolder(Path.GetDirectoryName(RepositoryFiles.LogtoDocument)!);
        var record = NamesRecord.Empty;
        var problems = new List<string>();
        foreach (var document in documents)
        {
            var inputs = new GeneratorInputs(record, new Dictionary<string, string>()) { ServerManagedRequestProperties = committed.ServerManagedRequestProperties };
            ApiSpec model;
            using (var stream = File.OpenRead(document))
            {
                model = CodeGenerator.BuildSpec(stream, GeneratorRun.Options, inputs);
            }

            var next = NamesRecord.Of(model.Types);
            var step = Path.GetFileName(document);
            problems.AddRange(record.ChangesTo(next).Renamed.Select(r => $"{step}: renamed {r.Old} -> {r.New}"));
            problems.AddRange(model.Types.Where(t => t.UntrueUses.Length > 0)
                .Select(t => $"{step}: {t.Name} is not true to {string.Join(", ", t.UntrueUses)}"));
            record = next;
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void ANewUseTheRecordedNameIsNotTrueToGetsATypeOfItsOwn()
    {
        // 1.42.0 reused the {enabled} shape of the sign-in experience's captcha policy for PATCH /api/configs/cimd.
        var document = new OpenApiDocument()
            .Get("/api/captcha-policy", "GetCaptchaPolicy", response: """{"type":"object","properties":{"enabled":{"type":"boolean"}},"required":["enabled"]}""")
            .Patch("/api/configs/cimd", "UpdateCimdConfig", body: """{"type":"object","properties":{"enabled":{"type":"boolean"}},"required":["enabled"]}""");
        var record = NamesRecord.Of(new OpenApiDocument()
            .Get("/api/captcha-policy", "GetCaptchaPolicy", response: """{"type":"object","properties":{"enabled":{"type":"boolean"}},"required":["enabled"]}""")
            .BuildSpec().Types);

        var model = document.BuildSpec(new GeneratorInputs(record, new Dictionary<string, string>()));

        Assert.Equal("CaptchaPolicy", model.ResponseType("GetCaptchaPolicy").Name);
        Assert.Equal("UpdateCimdConfigRequest", model.BodyType("UpdateCimdConfig").Name);
        Assert.Equal(model.ResponseType("GetCaptchaPolicy").ShapeKey, model.BodyType("UpdateCimdConfig").ShapeKey);
        Assert.Empty(record.ChangesTo(NamesRecord.Of(model.Types)).Renamed);
    }

    [Fact]
    public void AnOverrideNamesTheTypeOfItsUseNotEveryUseOfTheShape()
    {
        var ids = """{"type":"object","properties":{"roleIds":{"type":"array","items":{"type":"string"}}},"required":["roleIds"]}""";
        var document = new OpenApiDocument()
            .Post("/api/users/{userId}/roles", "AssignUserRoles", body: ids)
            .Put("/api/users/{userId}/roles", "ReplaceUserRoles", body: ids, response: ids);
        var first = document.BuildSpec();
        var shared = first.BodyType("AssignUserRoles").Name;
        Assert.Same(first.BodyType("AssignUserRoles"), first.ResponseType("ReplaceUserRoles"));
        var overrides = new Dictionary<string, string> { ["PUT /api/users/{userId}/roles response"] = "RoleReplacementResult" };

        var model = document.BuildSpec(new GeneratorInputs(NamesRecord.Of(first.Types), overrides));

        Assert.Equal(shared, model.BodyType("AssignUserRoles").Name);
        Assert.Same(model.BodyType("AssignUserRoles"), model.BodyType("ReplaceUserRoles"));
        Assert.Equal("RoleReplacementResult", model.ResponseType("ReplaceUserRoles").Name);
        Assert.True(model.ResponseType("ReplaceUserRoles").NamedByOverride);
        Assert.False(model.BodyType("AssignUserRoles").NamedByOverride);
    }

    [Fact]
    public void ANameEndingInRequestCoversNoResponse()
    {
        var ids = """{"type":"object","properties":{"roleIds":{"type":"array","items":{"type":"string"}}},"required":["roleIds"]}""";
        var model = new OpenApiDocument()
            .Post("/api/users/{userId}/roles", "AssignUserRoles", body: ids)
            .Post("/api/applications/{applicationId}/roles", "AssignApplicationRoles", body: ids)
            .Put("/api/users/{userId}/roles", "ReplaceUserRoles", body: ids, response: ids)
            .BuildSpec();

        var request = model.BodyType("AssignUserRoles");
        var response = model.ResponseType("ReplaceUserRoles");
        Assert.Same(request, model.BodyType("ReplaceUserRoles"));
        Assert.Equal("RoleIdsRequest", request.Name);
        Assert.NotSame(request, response);
        Assert.False(response.Name.EndsWith("Request", StringComparison.Ordinal), response.Name);
        Assert.Empty(response.UntrueUses);
    }
}
