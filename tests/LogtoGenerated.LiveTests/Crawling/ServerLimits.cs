using System.Text.RegularExpressions;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>
/// What a bare self-hosted Logto (no email/SMS or social connectors, no object storage, no custom domains, no browser
/// sessions, no SAML identity provider) cannot do, and the refusals that are not the client's doing. Each entry names
/// the operations by a pattern over <c>METHOD /path</c> and says why. The crawl tests fail on an entry no operation
/// used, so the list stays as short as the server makes it.
/// </summary>
internal static partial class ServerLimits
{
    /// <summary>Logto's own codes for "this server has no such service configured".</summary>
    private static readonly HashSet<string> NotConfiguredCodes = new(StringComparer.Ordinal)
    {
        "connector.not_found",
        "connector.not_implemented",
        "connector.not_found_with_connector_id",
        "storage.not_configured",
        "domain.not_configured",
        "domain.cloudflare_unknown_error",
        "application.protected_app_not_configured",
        "application.cloudflare_unknown_error",
        "subscription.not_supported",
    };

    /// <summary>Operations not tried, and why.</summary>
    private static readonly (Regex Operations, string Reason)[] NotTriedRules =
    [
        (Rule(@"^(GET|POST) /api/(authn|saml)/"), "Logto's browser and identity-provider endpoints (SAML assertions, Hasura), called by Logto's own flows with their own credentials, not by Management API clients"),
        (Rule(@"^GET /api/saml-applications/\{id\}/callback$"), "the SAML IdP callback of a browser sign-in, which needs a session"),
        (Rule(@"^(DELETE|PATCH|GET) /api/connectors/\{id\}$|^POST /api/connectors/\{connectorId\}/authorization-uri$|^POST /api/connectors/\{factoryId\}/test$|^GET /api/connector-factories/\{id\}$"), "needs a connector or a connector factory; a bare server has none installed"),
        (Rule(@"^(GET|DELETE) /api/domains/\{id\}|^(GET|PUT) /api/domains/\{id\}/verification-files$"), "needs a custom domain; a bare server cannot add one (no domain provider)"),
        (Rule(@"^DELETE /api/applications/\{id\}/protected-app-metadata/custom-domains/\{domain\}$"), "needs a protected app custom domain; a bare server cannot add one"),
        (Rule(@"^(GET|PATCH|DELETE) /api/sso-connectors/\{id\}|^POST /api/sso-connectors/\{id\}/signing-keys|^DELETE /api/sso-connectors/\{id\}/signing-keys/\{keyId\}$"), "needs an SSO connector"),
        (Rule(@"^(POST|PUT|DELETE) /api/organizations/\{id\}/jit/sso-connectors"), "needs an SSO connector"),
        (Rule(@"/api/applications/\{id\}/protected-app-metadata/custom-domains"), "needs a Protected app, which a self-hosted server cannot make (application.protected_app_not_configured)"),
        (Rule(@"^POST /api/users/\{userId\}/identities$"), "links a social identity through a social connector; a bare server has none"),
        (Rule(@"^POST /api/verification-codes/verify$"), "needs a code sent by an email or SMS connector; a bare server has none"),
        (Rule(@"^POST /api/configs/actions/test$"), "runs the script on Logto Cloud's script runner (packages/core/src/libraries/action.ts); a self-hosted server answers 422 action.general"),
        (Rule(@"/api/users/\{userId\}/(sso-identities|sessions/\{sessionId\}|grants/\{grantId\})"), "needs a browser sign-in (sessions, grants) or an SSO connector"),
        (Rule(@"^(DELETE|PATCH) /api/secrets/\{id\}$"), "a secret id exists only for SSO identities' tokens, which need an SSO connector"),
        (Rule(@"^GET /api/\.well-known/(management|experience|user)\.openapi\.json$|^GET /api/swagger\.json$"), "the OpenAPI documents themselves; read by the refresh command, not by the typed client"),
    ];

    /// <summary>Refusals that are not faults: the operation is not for this server or this data, and why.</summary>
    private static readonly (Regex Operations, int Status, string? Code, string Reason)[] RefusalRules =
    [
        (Rule(@"^DELETE /api/applications/\{id\}/legacy-secret$"), 400, "application.no_legacy_secret_found",
            "only applications made before Logto had multiple secrets have a legacy secret; an application made today has none"),
        (Rule(@"^DELETE /api/email-templates$"), 422, "connector.email_connector.bulk_deletion_no_filter",
            "a bulk deletion needs a filter (QueryParameters.LanguageTag or TemplateType), which the document lists as optional; the crawl sends only required parameters"),
    ];

    /// <summary>Each rule's description and whether it names an operation of <paramref name="operations"/>, for the test that keeps the list free of stale entries.</summary>
    public static IEnumerable<(string Rule, bool Used)> RuleUse(IReadOnlyList<string> operations) =>
        NotTriedRules.Select(r => (r.Operations.ToString(), operations.Any(r.Operations.IsMatch)))
            .Concat(RefusalRules.Select(r => (r.Operations.ToString(), operations.Any(r.Operations.IsMatch))));

    /// <summary>Why <paramref name="operation"/> is not tried, or null when it is.</summary>
    public static string? NotTried(string operation) => NotTriedRules.FirstOrDefault(r => r.Operations.IsMatch(operation)).Reason;

    /// <summary>Whether <paramref name="code"/> is one of Logto's "not configured" codes.</summary>
    public static bool IsNotConfigured(string? code) => code is not null && NotConfiguredCodes.Contains(code);

    /// <summary>Why Logto's refusal of <paramref name="operation"/> is not a fault, or null when nothing explains it.</summary>
    public static string? Refusal(string operation, int status, string? code) =>
        RefusalRules.FirstOrDefault(r => r.Status == status && (r.Code is null || r.Code == code) && r.Operations.IsMatch(operation)).Reason;

    private static Regex Rule(string pattern) => new(pattern, RegexOptions.CultureInvariant);
}
