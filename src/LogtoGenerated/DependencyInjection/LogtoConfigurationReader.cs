using LogtoGenerated.Authentication.Configuration;
using Microsoft.Extensions.Configuration;

namespace LogtoGenerated.DependencyInjection;

/// <summary>
/// Reads <see cref="LogtoManagementOptions"/> from a configuration section with the .NET configuration binder, compiled
/// by its source generator (no reflection: trim- and AOT-safe). Every public property is a key of the same name
/// (<c>Retry:MaxRetries</c> for the retries) except those that only code can set (the shared cache, the rate
/// limiter, the clock). A value that does not convert names its key; the rules are checked with the options'.
/// </summary>
internal static class LogtoConfigurationReader
{
    public static void Bind(IConfiguration section, LogtoManagementOptions options)
    {
        section.Bind(options);
        ClientCredentialsConfiguration.ReadSpaceSeparatedLists(section, options);
    }
}
