using Microsoft.Extensions.Configuration;

namespace LogtoGenerated.Authentication.Configuration;

/// <summary>
/// What configuration binding of <see cref="LogtoClientCredentialsOptions"/> (and the options types built on it) needs
/// besides the .NET configuration binder, which each package runs on its own options type with its source generator.
/// </summary>
internal static class ClientCredentialsConfiguration
{
    /// <summary>
    /// Reads <see cref="LogtoClientCredentialsOptions.Scopes"/> and <see cref="LogtoClientCredentialsOptions.AllowedHosts"/>
    /// given as one space-separated string (<c>"Scopes": "read:orders write:orders"</c>, or an environment variable
    /// <c>Logto__Scopes</c>), which the binder leaves out: it reads a list only from its numbered children.
    /// </summary>
    public static void ReadSpaceSeparatedLists(IConfiguration section, LogtoClientCredentialsOptions options)
    {
        options.Scopes = SpaceSeparated(section, nameof(LogtoClientCredentialsOptions.Scopes)) ?? options.Scopes;
        options.AllowedHosts = SpaceSeparated(section, nameof(LogtoClientCredentialsOptions.AllowedHosts)) ?? options.AllowedHosts;
    }

    private static List<string>? SpaceSeparated(IConfiguration section, string key) =>
        section.GetSection(key).Value is { } text
            ? [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null;
}
