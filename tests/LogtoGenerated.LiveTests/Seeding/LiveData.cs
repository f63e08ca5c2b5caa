namespace LogtoGenerated.LiveTests.Seeding;

/// <summary>
/// Realistic data made on the live server through the client's public API, before a crawl: applications of every
/// type with redirect URIs, post-logout URIs, CORS origins and custom data; a SAML application with a secret and an
/// ACS URL; users with profiles, custom data, roles, an identity, MFA and a personal access token; an organization
/// with members, roles, an application, an invitation and JIT settings; resources with scopes; a hook; custom phrases;
/// sign-in experience settings; a custom profile field. Every name carries the run's tag, so that runs on one server
/// do not collide.
/// </summary>
/// <param name="Tag">The run's tag, in every name made.</param>
/// <param name="Values">
/// What a path parameter takes, keyed by the segment before it and the parameter (<c>users/{userId}</c>), or by the
/// operation's path template and the parameter where the segment alone does not tell (<c>/api/applications/{applicationId}/roles/{roleId}</c>).
/// </param>
internal sealed record LiveData(string Tag, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>
    /// The value of the path parameter <paramref name="parameter"/> of <paramref name="template"/> for an operation with
    /// <paramref name="method"/>, or null when the data has none: keyed by method and template first
    /// (<c>DELETE /api/... {secretId}</c>), then by template, then by the segment before the parameter.
    /// </summary>
    public string? PathValue(string method, string template, string parameter)
    {
        var placeholder = "{" + parameter + "}";
        if (Values.TryGetValue($"{method.ToUpperInvariant()} {template} {placeholder}", out var exact)
            || Values.TryGetValue(template + " " + placeholder, out exact))
        {
            return exact;
        }

        var segments = template.Split('/');
        var index = Array.IndexOf(segments, placeholder);
        return index > 0 && Values.TryGetValue(segments[index - 1] + "/" + placeholder, out var value) ? value : null;
    }

    /// <summary>Makes the data (see <see cref="Seeder"/>); <paramref name="tag"/> goes into every name.</summary>
    public static Task<LiveData> SeedAsync(LogtoManagementClient client, string tag) => new Seeder(client, tag).RunAsync();
}
