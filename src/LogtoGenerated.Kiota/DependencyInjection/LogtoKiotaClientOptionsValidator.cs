using LogtoGenerated.Authentication;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Kiota.DependencyInjection;

/// <summary>
/// Validates every named <see cref="LogtoKiotaClientOptions"/> when the host starts: the options LogtoGenerated checks
/// (each problem naming its option), and the base URL (absolute, and https unless on loopback).
/// </summary>
internal sealed class LogtoKiotaClientOptionsValidator : IValidateOptions<LogtoKiotaClientOptions>
{
    // The provider made to check the options sends nothing: its HttpClient is never used.
    private static readonly HttpClient Unused = new();

    public ValidateOptionsResult Validate(string? name, LogtoKiotaClientOptions options)
    {
        string prefix = string.IsNullOrEmpty(name) ? "Logto Kiota client: " : "Logto Kiota client '" + name + "': ";
        var errors = new List<string>();
        if (options.BaseUrl is { } baseUrl && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add(prefix + $"{nameof(LogtoKiotaClientOptions)}.{nameof(LogtoKiotaClientOptions.BaseUrl)} '{baseUrl}' must be an absolute http(s) URI such as https://api.example.com.");
        }
        else if (options.BaseUrl is { } plain && !LogtoAllowedHosts.IsSecureTransport(plain))
        {
            // The token goes over https only (http only on this machine): every request would go out without it.
            errors.Add(prefix + $"{nameof(LogtoKiotaClientOptions)}.{nameof(LogtoKiotaClientOptions.BaseUrl)} '{plain}' uses plain http to a host that is not "
                + "localhost, 127.0.0.1 or [::1]: Logto access tokens are sent over https only, so every request would go without one. Use https.");
        }

        try
        {
            // The constructor is LogtoGenerated's check of the options; it throws with every problem, each on a line.
            _ = new ClientCredentialsAuthenticationProvider(options, Unused);
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is null ? e.Message : e.Message.Replace(" (Parameter '" + e.ParamName + "')", "", StringComparison.Ordinal);
            errors.Add(prefix + message);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
