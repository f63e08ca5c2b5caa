using System.Text.Json.Nodes;
using LogtoGenerated.LiveTests.Seeding;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>
/// Realistic values for request bodies and required query parameters, laid over the minimal valid instance of the
/// corrected document's schema: what a user would send. Properties that refer to other entities by id
/// (<c>userIds</c>, <c>organizationRoleIds</c>, ...) take the seeded data's spare entities (ones not yet related, so
/// that adding the relation is new); the table below adds what the schema cannot say (a PATCH that changes something,
/// a URL that is a URL, names unique to the run).
/// </summary>
internal static class WriteBodies
{
    /// <summary>
    /// The kind of entity an id property refers to (its seeded values are <c>seeded/kind</c>, related to the seeded data;
    /// <c>spare/kind</c> and <c>spare2/kind</c>, not yet related to anything), or null for a property that is no entity's id.
    /// </summary>
    private static string? KindOf(string property, string operation)
    {
        var ofApplication = operation.Contains("/applications", StringComparison.Ordinal);
        return property switch
        {
            "userId" or "userIds" or "acceptedUserId" or "inviterId" => "user",
            "roleId" or "roleIds" => ofApplication ? "m2mRole" : "role",
            "userRoleIds" => "role",
            "organizationId" or "organizationIds" => "organization",
            "applicationId" or "applicationIds" => "m2mApp",
            "organizationRoleIds" or "organizationRoleId" => ofApplication ? "orgAppRole" : "orgRole",
            "organizationScopeIds" => "orgScope",
            "scopeIds" or "resourceScopeIds" => "scope",
            _ => null,
        };
    }

    /// <summary>The values for the body of <paramref name="operation"/>, or null to send the minimal valid body (with ids filled in).</summary>
    public static JsonNode? For(string operation, LiveData data)
    {
        var tag = data.Tag;
        var script = "const getCustomJwtClaims = async ({ token, context, environmentVariables }) => { return { plan: 'pro' }; };";
        return operation switch
        {
            "PATCH /api/account-center" => new JsonObject { ["enabled"] = true },
            "PATCH /api/applications/{id}" => new JsonObject { ["description"] = "Changed by the write crawl", ["oidcClientMetadata"] = new JsonObject { ["redirectUris"] = new JsonArray($"https://{tag}.example.com/new-callback"), ["postLogoutRedirectUris"] = new JsonArray() } },
            "PATCH /api/applications/{id}/secrets/{name}" => new JsonObject { ["name"] = data.Values["/api/applications/{id}/secrets/{name} {name}"] },
            "POST /api/applications/{id}/secrets" => new JsonObject { ["name"] = $"live-{tag}-second-secret" },
            "POST /api/applications/{id}/users/{userId}/consent-organizations" or "PUT /api/applications/{id}/users/{userId}/consent-organizations" => new JsonObject { ["organizationIds"] = new JsonArray(data.Values["organizations/{id}"]) },
            "PUT /api/applications/{applicationId}/sign-in-experience" => new JsonObject { ["displayName"] = "Partner portal (renamed)", ["termsOfUseUrl"] = "https://example.com/terms-v2" },
            "POST /api/applications" => new JsonObject { ["name"] = $"live {tag} crawl app", ["type"] = "SPA", ["oidcClientMetadata"] = new JsonObject { ["redirectUris"] = new JsonArray($"https://{tag}.example.com/spa"), ["postLogoutRedirectUris"] = new JsonArray() } },
            "PUT /api/configs/actions/{actionType}" => new JsonObject { ["script"] = "exports.handler = async () => {};", ["enabled"] = false },
            "PATCH /api/configs/actions/{actionType}" => new JsonObject { ["enabled"] = false },
            "PUT /api/configs/jwt-customizer/{tokenTypePath}" or "PATCH /api/configs/jwt-customizer/{tokenTypePath}" => new JsonObject { ["script"] = script },
            "POST /api/configs/jwt-customizer/test" => new JsonObject { ["tokenType"] = "access-token", ["script"] = script, ["token"] = new JsonObject(), ["context"] = new JsonObject { ["user"] = new JsonObject() } },
            "POST /api/custom-profile-fields" => new JsonObject { ["name"] = $"live{tag}company", ["type"] = "Text", ["required"] = false },
            "POST /api/custom-profile-fields/batch" => new JsonArray(new JsonObject { ["name"] = $"live{tag}team", ["type"] = "Text", ["required"] = false }),
            "POST /api/custom-profile-fields/properties/sie-order" => new JsonObject { ["order"] = new JsonArray(new JsonObject { ["name"] = data.Values["custom-profile-fields/{name}"], ["sieOrder"] = 1 }) },
            "PATCH /api/hooks/{id}" => new JsonObject { ["name"] = $"live {tag} hook renamed" },
            "POST /api/hooks" => new JsonObject { ["name"] = $"live {tag} crawl hook", ["events"] = new JsonArray("User.Created"), ["config"] = new JsonObject { ["url"] = $"https://{tag}.example.com/hook" } },
            "POST /api/hooks/{id}/test" => new JsonObject { ["events"] = new JsonArray("User.Created"), ["config"] = new JsonObject { ["url"] = data.Values["hook/url"] } },
            "POST /api/organization-invitations" => new JsonObject { ["invitee"] = $"crawl.{tag}@example.com", ["expiresAt"] = DateTimeOffset.UtcNow.AddDays(3).ToUnixTimeMilliseconds() },
            "PUT /api/organization-invitations/{id}/status" => new JsonObject { ["status"] = "Revoked" },
            "PATCH /api/organization-roles/{id}" => new JsonObject { ["description"] = "Changed by the write crawl" },
            "POST /api/organization-roles" => new JsonObject { ["name"] = $"live-{tag}-crawl-role" },
            "PATCH /api/organization-scopes/{id}" => new JsonObject { ["description"] = "Changed by the write crawl" },
            "POST /api/organization-scopes" => new JsonObject { ["name"] = $"live-{tag}:crawl" },
            "PATCH /api/organizations/{id}" => new JsonObject { ["description"] = "Changed by the write crawl", ["customData"] = new JsonObject { ["region"] = "us" } },
            "POST /api/organizations" => new JsonObject { ["name"] = $"Live {tag} crawl org" },
            "POST /api/organizations/{id}/jit/email-domains" => new JsonObject { ["emailDomain"] = $"crawl.{tag}.example.com" },
            "PUT /api/organizations/{id}/jit/email-domains" => new JsonObject { ["emailDomains"] = new JsonArray($"{tag}.example.com", $"crawl.{tag}.example.com") },
            "POST /api/one-time-tokens" => new JsonObject { ["email"] = $"crawl.{tag}@example.com" },
            "POST /api/one-time-tokens/verify" => new JsonObject { ["token"] = data.Values["spare/oneTimeToken"], ["email"] = $"otp.{tag}@example.com" },
            "PUT /api/one-time-tokens/{id}/status" => new JsonObject { ["status"] = "revoked" },
            "PATCH /api/resources/{id}" => new JsonObject { ["name"] = $"live {tag} orders (renamed)" },
            "POST /api/resources" => new JsonObject { ["name"] = $"live {tag} crawl", ["indicator"] = $"https://crawl.{tag}.example.com/api" },
            "PATCH /api/resources/{resourceId}/scopes/{scopeId}" => new JsonObject { ["description"] = "Changed by the write crawl" },
            "POST /api/resources/{resourceId}/scopes" => new JsonObject { ["name"] = "delete:orders" },
            "PATCH /api/roles/{id}" => new JsonObject { ["description"] = "Changed by the write crawl" },
            "POST /api/roles" => new JsonObject { ["name"] = $"live-{tag}-crawl", ["description"] = "Made by the write crawl" },
            "PATCH /api/saml-applications/{id}/secrets/{secretId}" => new JsonObject { ["active"] = true },
            "PATCH /api/saml-applications/{id}" => new JsonObject { ["description"] = "Changed by the write crawl", ["acsUrl"] = new JsonObject { ["binding"] = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", ["url"] = $"https://{tag}.example.com/saml/acs2" } },
            "POST /api/saml-applications" => new JsonObject { ["name"] = $"live {tag} crawl SAML" },
            "PATCH /api/sign-in-exp" => new JsonObject { ["color"] = new JsonObject { ["primaryColor"] = "#6139F6", ["isDarkModeEnabled"] = false, ["darkPrimaryColor"] = "#8A6CF7" } },
            "POST /api/sign-in-exp/default/check-password" => new JsonObject { ["password"] = $"Another-good-{tag}-7", ["userId"] = data.Values["seeded/user"] },
            "PUT /api/applications/{applicationId}/access-control" => new JsonObject
            {
                ["userIds"] = new JsonArray(data.Values["seeded/user"]),
                ["userRoleIds"] = new JsonArray(data.Values["seeded/role"]),
                ["organizationIds"] = new JsonArray(data.Values["seeded/organization"]),
                ["organizationRoleRules"] = new JsonArray(new JsonObject { ["organizationId"] = data.Values["seeded/organization"], ["organizationRoleIds"] = new JsonArray(data.Values["seeded/orgRole"]) }),
            },
            "POST /api/subject-tokens" => new JsonObject { ["userId"] = data.Values["users/{userId}"] },
            "PATCH /api/users/{userId}" => new JsonObject { ["name"] = "Ada King", ["profile"] = new JsonObject { ["nickname"] = "Ada" } },
            "POST /api/users" => new JsonObject { ["username"] = $"live_{tag}_crawl", ["primaryEmail"] = $"crawl.{tag}@example.com" },
            "POST /api/users/{userId}/password/verify" => new JsonObject { ["password"] = $"Correct-horse-{tag}-9" },
            "PATCH /api/users/{userId}/password" => new JsonObject { ["password"] = $"Correct-horse-{tag}-9" },
            "POST /api/users/{userId}/personal-access-tokens" => new JsonObject { ["name"] = $"live-{tag}-second-pat" },
            "PATCH /api/users/{userId}/personal-access-tokens" => new JsonObject { ["currentName"] = data.Values["personal-access-tokens/{name}"], ["name"] = data.Values["personal-access-tokens/{name}"] },
            "PATCH /api/users/{userId}/personal-access-tokens/{name}" => new JsonObject { ["name"] = data.Values["personal-access-tokens/{name}"] },
            "POST /api/users/{userId}/personal-access-tokens/delete" => new JsonObject { ["name"] = $"live-{tag}-second-pat" },
            "POST /api/organizations/{id}/users/{userId}/roles" => new JsonObject { ["organizationRoleIds"] = new JsonArray(data.Values["spare/orgRole"]) },
            "PUT /api/organizations/{id}/users/{userId}/roles" => new JsonObject { ["organizationRoleIds"] = new JsonArray(data.Values["seeded/orgRole"], data.Values["spare2/orgRole"]) },
            "POST /api/users/{userId}/mfa-verifications" => new JsonObject { ["type"] = "BackupCode" },
            "POST /api/verification-codes" => new JsonObject { ["email"] = $"ada.{tag}@example.com" },
            _ => null,
        };
    }

    /// <summary>
    /// Replaces the minimal instance's made-up ids (<c>"userId1"</c>) with seeded ones, wherever a property names an
    /// entity: a spare entity, so that adding the relation is new; for a PUT, which replaces a set, the seeded entity
    /// (kept) and a second spare (added), so that the replacement changes something and later calls still find the
    /// seeded relations.
    /// </summary>
    public static void FillIds(JsonNode? node, string operation, LiveData data)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (KindOf(key, operation) is { } kind && data.Values.TryGetValue("spare/" + kind, out var spare))
                    {
                        o[key] = value is not JsonArray
                            ? JsonValue.Create(spare)
                            : operation.StartsWith("PUT ", StringComparison.Ordinal)
                                ? new JsonArray(data.Values["seeded/" + kind], data.Values["spare2/" + kind])
                                : new JsonArray(spare);
                    }
                    else
                    {
                        FillIds(value, operation, data);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    FillIds(item, operation, data);
                }

                break;
        }
    }

    /// <summary>The file an upload operation sends: a zip of custom UI assets, or a small PNG for user assets.</summary>
    public static (byte[] Bytes, string Name, string ContentType) Upload(string operation)
    {
        if (operation.Contains("custom-ui-assets", StringComparison.Ordinal))
        {
            using var zip = new MemoryStream();
            using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(archive.CreateEntry("index.html").Open()))
            {
                writer.Write("<!doctype html><title>Sign in</title><div id=\"app\"></div>");
            }

            return (zip.ToArray(), "custom-ui.zip", "application/zip");
        }

        return (TinyPng, "logo.png", "image/png");
    }

    /// <summary>A 1x1 PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The value of the required query parameter <paramref name="name"/> of <paramref name="operation"/>, or null for the schema's minimal value.</summary>
    public static JsonNode? Query(string operation, string name) => (operation, name) switch
    {
        ("DELETE /api/email-templates", "languageTag") => "de",
        _ => null,
    };
}
