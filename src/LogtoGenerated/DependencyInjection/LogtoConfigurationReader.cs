using System.Globalization;
using LogtoGenerated.Http;
using Microsoft.Extensions.Configuration;

namespace LogtoGenerated.DependencyInjection;

/// <summary>
/// Reads <see cref="LogtoManagementOptions"/> from a configuration section by hand (no reflection, so it is trim-
/// and AOT-safe), with errors that name the configuration key.
/// </summary>
internal static class LogtoConfigurationReader
{
    public static void Bind(IConfiguration section, LogtoManagementOptions options)
    {
        string Path(string key) => section is IConfigurationSection s ? s.Path + ":" + key : key;

        options.TenantId = section["TenantId"] ?? options.TenantId;
        options.ClientId = section["ClientId"] ?? options.ClientId;
        options.ClientSecret = section["ClientSecret"] ?? options.ClientSecret;
        options.Resource = section["Resource"] ?? options.Resource;
        options.OrganizationId = section["OrganizationId"] ?? options.OrganizationId;
        options.Endpoint = ReadUri(section, "Endpoint", Path) ?? options.Endpoint;
        options.TokenEndpoint = ReadUri(section, "TokenEndpoint", Path) ?? options.TokenEndpoint;
        options.TokenRefreshSkew = ReadTimeSpan(section, "TokenRefreshSkew", Path) ?? options.TokenRefreshSkew;
        options.Scopes = ReadList(section, "Scopes") ?? options.Scopes;
        options.UseSharedTokenCache = ReadBool(section, "UseSharedTokenCache", Path) ?? options.UseSharedTokenCache;
        options.SharedTokenCacheTimeout = ReadTimeSpan(section, "SharedTokenCacheTimeout", Path) ?? options.SharedTokenCacheTimeout;
        options.AllowedHosts = ReadList(section, "AllowedHosts") ?? options.AllowedHosts;
        if (ReadInt(section, "MaxConcurrentPageRequests", Path) is { } maxConcurrentPageRequests)
        {
            options.MaxConcurrentPageRequests = maxConcurrentPageRequests >= 1
                ? maxConcurrentPageRequests
                : throw new InvalidOperationException(
                    $"The configuration value {Path("MaxConcurrentPageRequests")} '{maxConcurrentPageRequests}' must be 1 or more (1 requests one page after another).");
        }

        IConfigurationSection retry = section.GetSection("Retry");
        if (retry.Exists())
        {
            LogtoRetryOptions value = options.Retry ?? LogtoRetryOptions.Default;
            try
            {
                if (ReadInt(retry, "MaxRetries", Path) is { } maxRetries)
                {
                    value = value with { MaxRetries = maxRetries };
                }

                if (ReadTimeSpan(retry, "InitialDelay", Path) is { } initialDelay)
                {
                    value = value with { InitialDelay = initialDelay };
                }

                if (ReadTimeSpan(retry, "MaxDelay", Path) is { } maxDelay)
                {
                    value = value with { MaxDelay = maxDelay };
                }
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InvalidOperationException($"The configuration value {Path("Retry:" + e.ParamName)} is out of range: {e.Message}", e);
            }

            options.Retry = value;
        }
    }

    private static Uri? ReadUri(IConfiguration section, string key, Func<string, string> path)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri)
            ? uri
            : throw new InvalidOperationException($"The configuration value {path(key)} '{text}' is not an absolute URI; use for example https://auth.example.com.");
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key, Func<string, string> path)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value)
            ? value
            : throw new InvalidOperationException($"The configuration value {path(key)} '{text}' is not a time span; use hh:mm:ss, for example 00:01:00.");
    }

    private static bool? ReadBool(IConfiguration section, string key, Func<string, string> path)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return bool.TryParse(text.Trim(), out bool value)
            ? value
            : throw new InvalidOperationException($"The configuration value {path(key)} '{text}' is not true or false.");
    }

    private static int? ReadInt(IConfiguration section, string key, Func<string, string> path)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidOperationException($"The configuration value {path(key)} '{text}' is not a whole number.");
    }

    /// <summary>A list given as an array (<c>Scopes:0</c>, <c>Scopes:1</c>) or as one space-separated string.</summary>
    private static List<string>? ReadList(IConfiguration section, string key)
    {
        IConfigurationSection list = section.GetSection(key);
        if (list.Value is { } single)
        {
            return [.. single.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        var items = list.GetChildren().Select(child => child.Value).Where(value => value is not null).Select(value => value!).ToList();
        return items.Count > 0 ? items : null;
    }
}
