using System.Threading.RateLimiting;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;

namespace LogtoGenerated;

/// <summary>
/// <see cref="LogtoManagementOptions"/> checked and resolved once: the credentials (<see cref="ClientCredentialsSettings"/>)
/// and how requests are sent. Immutable; later changes to the options object have no effect.
/// </summary>
internal sealed class ManagementClientSettings
{
    /// <summary>The token request and where the token may go; <see langword="null"/> for an adapter given its own authentication provider.</summary>
    public ClientCredentialsSettings? Credentials { get; private init; }

    /// <summary>A copy of the options' retries.</summary>
    public required LogtoRetryOptions Retry { get; init; }

    public RateLimiter? RateLimiter { get; init; }

    public required int MaxConcurrentPageRequests { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    /// <summary>Checks and resolves all the options; throws <see cref="ArgumentException"/> listing every problem, each naming its option.</summary>
    public static ManagementClientSettings Resolve(LogtoManagementOptions options, string parameterName) =>
        Resolve(options, parameterName, withCredentials: true);

    /// <summary>Checks and resolves how requests are sent, for an adapter given its own authentication provider.</summary>
    public static ManagementClientSettings ResolveRequests(LogtoManagementOptions options, string parameterName) =>
        Resolve(options, parameterName, withCredentials: false);

    /// <summary>Every problem of the options; empty, with <paramref name="settings"/> set, when they are valid.</summary>
    public static List<string> Check(LogtoManagementOptions options, out ManagementClientSettings? settings) =>
        Check(options, withCredentials: true, out settings);

    private static ManagementClientSettings Resolve(LogtoManagementOptions options, string parameterName, bool withCredentials)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        List<string> errors = Check(options, withCredentials, out ManagementClientSettings? settings);
        return errors.Count > 0 ? throw ClientCredentialsOptionsCheck.NotValid(errors, parameterName) : settings!;
    }

    private static List<string> Check(LogtoManagementOptions options, bool withCredentials, out ManagementClientSettings? settings)
    {
        ClientCredentialsSettings? credentials = null;
        List<string> errors = withCredentials ? ClientCredentialsOptionsCheck.Run(options, out credentials) : [];
        string name = options.GetType().Name;
        if (options.Retry is null)
        {
            errors.Add($"{name}.Retry must not be null; use LogtoRetryOptions.None to turn retries off.");
        }
        else
        {
            options.Retry.AddProblems(errors, name + ".Retry");
        }

        if (options.MaxConcurrentPageRequests < 1)
        {
            errors.Add($"{name}.MaxConcurrentPageRequests {options.MaxConcurrentPageRequests} must be 1 or more (1 requests one page after another).");
        }

        if (!withCredentials && options.TimeProvider is null)
        {
            errors.Add($"{name}.TimeProvider must not be null; leave it unset for the system clock.");
        }

        settings = errors.Count > 0 ? null : new ManagementClientSettings
        {
            Credentials = credentials,
            Retry = options.Retry! with { },
            RateLimiter = options.RateLimiter,
            MaxConcurrentPageRequests = options.MaxConcurrentPageRequests,
            TimeProvider = options.TimeProvider!,
        };
        return errors;
    }
}
