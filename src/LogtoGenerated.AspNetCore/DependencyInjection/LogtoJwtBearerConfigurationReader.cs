using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LogtoGenerated.AspNetCore.DependencyInjection;

/// <summary>
/// Reads <see cref="LogtoJwtBearerOptions"/> from a configuration section by hand (no reflection: trim- and AOT-safe),
/// with errors that name the configuration key.
/// </summary>
internal static class LogtoJwtBearerConfigurationReader
{
    public static void Bind(IConfiguration section, LogtoJwtBearerOptions options)
    {
        string Path(string key) => section is IConfigurationSection s ? s.Path + ":" + key : key;

        if (section["Endpoint"] is { Length: > 0 } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw new InvalidOperationException($"The configuration value {Path("Endpoint")} '{endpoint}' is not an absolute address such as https://auth.example.com.");
        }

        options.TenantId = section["TenantId"] is { Length: > 0 } tenantId ? tenantId : options.TenantId;
        options.Resource = section["Resource"] is { Length: > 0 } resource ? resource : options.Resource;
        options.AcceptOrganizationTokens = Read<bool>(section, "AcceptOrganizationTokens", Path, bool.TryParse, "true or false") ?? options.AcceptOrganizationTokens;
        options.ClockSkew = ReadTimeSpan(section, "ClockSkew", Path) ?? options.ClockSkew;
        options.SigningKeysRefreshInterval = ReadTimeSpan(section, "SigningKeysRefreshInterval", Path) ?? options.SigningKeysRefreshInterval;
        options.UnknownKeyRefreshInterval = ReadTimeSpan(section, "UnknownKeyRefreshInterval", Path) ?? options.UnknownKeyRefreshInterval;
        options.ValidatedTokenCacheSize = Read<int>(section, "ValidatedTokenCacheSize", Path, TryParseInvariant, "a whole number") ?? options.ValidatedTokenCacheSize;
        options.ValidatedTokenCacheMemoryLimit = Read<long>(section, "ValidatedTokenCacheMemoryLimit", Path, TryParseInvariant, "a number of bytes") ?? options.ValidatedTokenCacheMemoryLimit;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Read<T>(IConfiguration section, string key, Func<string, string> path, TryParse<T> parse, string expected)
        where T : struct
    {
        string? text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return parse(text, out T value)
            ? value
            : throw new InvalidOperationException($"The configuration value {path(key)} '{text}' is not {expected}.");
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key, Func<string, string> path)
        => Read<TimeSpan>(section, key, path, (string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value), "a time span such as 00:00:30");

    private static bool TryParseInvariant(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool TryParseInvariant(string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
