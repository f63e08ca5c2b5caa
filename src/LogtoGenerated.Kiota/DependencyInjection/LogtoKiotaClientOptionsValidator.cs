using LogtoGenerated.Authentication;
using LogtoGenerated.Authentication.Configuration;
using LogtoGenerated.Http;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Kiota.DependencyInjection;

/// <summary>
/// Validates every named <see cref="LogtoKiotaClientOptions"/> when the host starts: the credentials' rules (each problem
/// naming its option) and the base URL (absolute, and https unless on loopback), and hands what the credentials resolve
/// to to the provider registration, so that the options are checked once.
/// </summary>
internal sealed class LogtoKiotaClientOptionsValidator(CheckedOptions<LogtoKiotaClientOptions, ClientCredentialsSettings> checkedOptions)
    : IValidateOptions<LogtoKiotaClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LogtoKiotaClientOptions options)
    {
        string prefix = string.IsNullOrEmpty(name) ? "Logto Kiota client: " : "Logto Kiota client '" + name + "': ";
        List<string> errors = ClientCredentialsOptionsCheck.Run(options, out ClientCredentialsSettings? settings);
        if (options.BaseUrl is { } baseUrl && !LogtoEndpoint.IsAbsoluteHttp(baseUrl))
        {
            errors.Add($"{nameof(LogtoKiotaClientOptions)}.{nameof(LogtoKiotaClientOptions.BaseUrl)} '{baseUrl}' must be an absolute http(s) URI such as https://api.example.com.");
        }
        else if (options.BaseUrl is { } plain && !LogtoAllowedHosts.IsSecureTransport(plain))
        {
            // The token goes over https only (http only on this machine): every request would go out without it.
            errors.Add($"{nameof(LogtoKiotaClientOptions)}.{nameof(LogtoKiotaClientOptions.BaseUrl)} '{plain}' uses plain http to a host that is not "
                + "localhost, 127.0.0.1 or [::1]: Logto access tokens are sent over https only, so every request would go without one. Use https.");
        }

        if (errors.Count > 0)
        {
            return ValidateOptionsResult.Fail(errors.Select(error => prefix + error));
        }

        checkedOptions.Remember(options, settings!);
        return ValidateOptionsResult.Success;
    }
}
