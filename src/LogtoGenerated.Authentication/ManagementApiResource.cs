namespace LogtoGenerated.Authentication;

/// <summary>Logto's Management API as an API resource: its resource indicators, self-hosted and on Logto Cloud.</summary>
internal static class ManagementApiResource
{
    /// <summary>The Management API's resource indicator on a self-hosted Logto.</summary>
    public const string SelfHosted = "https://default.logto.app/api";

    /// <summary>The Management API's permission that grants every operation.</summary>
    public const string AllScope = "all";

    /// <summary>The Management API's resource indicator of a Logto Cloud tenant: <c>https://{tenantId}.logto.app/api</c>.</summary>
    public static string OfCloudTenant(string tenantId) => "https://" + tenantId + ".logto.app/api";

    /// <summary>The Management API's resource: the tenant's on Logto Cloud, else the self-hosted one.</summary>
    public static string Default(string? tenantId) => tenantId is null ? SelfHosted : OfCloudTenant(tenantId);

    /// <summary>Whether a resource indicator is Logto's Management API (self-hosted, or a Logto Cloud tenant's).</summary>
    public static bool Is(string resource) =>
        resource == SelfHosted
        || (resource.StartsWith("https://", StringComparison.Ordinal) && resource.EndsWith(".logto.app/api", StringComparison.Ordinal));
}
