namespace LogtoGenerated.Http;

/// <summary>The rules a Logto endpoint (the origin requests go to, maybe with a base path) must follow, written once.</summary>
internal static class LogtoEndpoint
{
    /// <summary>What is wrong with <paramref name="endpoint"/> as a Logto endpoint, or <see langword="null"/> when nothing is.</summary>
    /// <returns>A phrase that completes "The endpoint ...", such as <c>must not have a query or fragment</c>.</returns>
    public static string? Problem(Uri endpoint)
    {
        if (!IsAbsoluteHttp(endpoint))
        {
            return "must be an absolute http or https URI";
        }

        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            return "must not have a query or fragment";
        }

        if (endpoint.AbsolutePath.TrimEnd('/').EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return "must be the Logto origin without \"/api\" (request paths already start with /api)";
        }

        return null;
    }

    /// <summary>Whether <paramref name="uri"/> is absolute and http or https: what every address the client sends to must be.</summary>
    public static bool IsAbsoluteHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The endpoint's origin and base path without a trailing <c>/</c>, for example <c>https://host/logto</c>.</summary>
    public static string GetBaseAddress(Uri endpoint) =>
        endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/');
}
