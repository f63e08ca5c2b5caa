namespace LogtoGenerated.Authentication;

/// <summary>
/// What an options type fills in when a setting is left empty, and whether it takes an organization: none and yes for
/// <see cref="LogtoClientCredentialsOptions"/> (your own API resources), the Management API's for the Management API
/// client. An options type supplies its own (<see cref="LogtoClientCredentialsOptions.Defaults"/>), so the check of the
/// options asks the options, never which type they are.
/// </summary>
internal sealed class ClientCredentialsDefaults
{
    /// <summary>No default resource or scope; organizations allowed.</summary>
    public static ClientCredentialsDefaults None { get; } = new(static _ => null, [], organizationProblem: null);

    /// <summary>
    /// Logto's Management API: its resource (the tenant's on Logto Cloud), the scope <c>all</c>, and no organization (the
    /// Management API takes no organization tokens).
    /// </summary>
    public static ClientCredentialsDefaults ManagementApi { get; } = new(
        ManagementApiResource.Default,
        [ManagementApiResource.AllScope],
        "must not be set: the Management API takes no organization tokens. Use LogtoClientCredentialsOptions (with Resource for "
        + "an organization-level API resource, or without for an organization token).");

    private readonly Func<string?, string?> _resource;

    private ClientCredentialsDefaults(Func<string?, string?> resource, string[] scopes, string? organizationProblem)
    {
        _resource = resource;
        Scopes = scopes;
        OrganizationProblem = organizationProblem;
    }

    /// <summary>The scopes asked for when the options list none.</summary>
    public string[] Scopes { get; }

    /// <summary>Why an organization id cannot be set (the end of a sentence naming the option), or <see langword="null"/> when it can.</summary>
    public string? OrganizationProblem { get; }

    /// <summary>The resource asked for when the options set none, given the Logto Cloud tenant id if any.</summary>
    public string? Resource(string? tenantId) => _resource(tenantId);
}
