namespace LogtoGenerated.Http;

/// <summary>Turns path-parameter values into escaped URL path segments.</summary>
/// <remarks>Used by the generated request builders' navigation (indexers and methods taking path parameters).</remarks>
internal static class PathSegment
{
    /// <summary>Escapes a path-parameter value, rejecting values that would address another resource.</summary>
    /// <param name="value">The value, e.g. a user id.</param>
    /// <param name="parameterName">The parameter's name, for the error message.</param>
    /// <returns>The escaped segment (<c>a b</c> becomes <c>a%20b</c>, <c>a/b</c> becomes <c>a%2Fb</c>).</returns>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public static string Escape(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException(
                $"The path parameter '{parameterName}' must not be null or empty: pass the identifier of the resource (for example a user id).",
                parameterName);
        }

        return Uri.EscapeDataString(value);
    }
}
