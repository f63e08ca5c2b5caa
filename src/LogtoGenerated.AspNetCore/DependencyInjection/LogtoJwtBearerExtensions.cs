using LogtoGenerated.AspNetCore;
using LogtoGenerated.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>AddLogtoJwtBearer</c>: ASP.NET Core's JWT bearer authentication set up for Logto's access tokens.
/// </summary>
public static class LogtoJwtBearerExtensions
{
    /// <summary>
    /// Accepts Logto access tokens (scheme <c>Bearer</c>) for the API resource and the Logto that
    /// <paramref name="configure"/> names: issuer <c>{endpoint}/oidc</c>, keys from Logto's discovery document,
    /// audience the resource, <c>typ</c> <c>at+jwt</c>, only the algorithms of Logto's keys.
    /// </summary>
    /// <param name="builder">The authentication builder (<c>services.AddAuthentication()</c>).</param>
    /// <param name="configure">Sets <see cref="LogtoJwtBearerOptions.Endpoint"/> or <see cref="LogtoJwtBearerOptions.TenantId"/>, and <see cref="LogtoJwtBearerOptions.Resource"/>.</param>
    /// <returns>The same authentication builder.</returns>
    public static AuthenticationBuilder AddLogtoJwtBearer(this AuthenticationBuilder builder, Action<LogtoJwtBearerOptions> configure)
        => builder.AddLogtoJwtBearer(JwtBearerDefaults.AuthenticationScheme, configure);

    /// <summary>
    /// Accepts Logto access tokens under the scheme <paramref name="authenticationScheme"/>; see
    /// <see cref="AddLogtoJwtBearer(AuthenticationBuilder, Action{LogtoJwtBearerOptions})"/>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="configure">Sets the Logto and the resource.</param>
    /// <returns>The same authentication builder.</returns>
    public static AuthenticationBuilder AddLogtoJwtBearer(this AuthenticationBuilder builder, string authenticationScheme, Action<LogtoJwtBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.AddOptions<LogtoJwtBearerOptions>(authenticationScheme)
            .Configure(configure)
            .Validate(ValidOptions, "The Logto JWT bearer options are not valid.")
            .ValidateOnStart();
        builder.AddJwtBearer(authenticationScheme, _ => { });

        // After JwtBearer's own post-configuration (registered by AddJwtBearer above).
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>>(services => new LogtoJwtBearerSetup(
            authenticationScheme,
            services.GetRequiredService<IOptionsMonitor<LogtoJwtBearerOptions>>(),
            services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Accepts Logto access tokens (scheme <c>Bearer</c>) as the configuration section <paramref name="configuration"/>
    /// says, such as <c>builder.Configuration.GetSection("Logto")</c> with the keys <c>Endpoint</c> or
    /// <c>TenantId</c>, <c>Resource</c>, and optionally <c>AcceptOrganizationTokens</c>, <c>ClockSkew</c>,
    /// <c>SigningKeysRefreshInterval</c>, <c>UnknownKeyRefreshInterval</c>, <c>ValidatedTokenCacheSize</c> and
    /// <c>ValidatedTokenCacheMemoryLimit</c>: the names of <see cref="LogtoJwtBearerOptions"/>' properties, read by the
    /// configuration binder's source generator (trim- and AOT-safe). A value that does not convert names its key.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns>The same authentication builder.</returns>
    public static AuthenticationBuilder AddLogtoJwtBearer(this AuthenticationBuilder builder, IConfiguration configuration)
        => builder.AddLogtoJwtBearer(JwtBearerDefaults.AuthenticationScheme, configuration);

    /// <summary>
    /// Accepts Logto access tokens under the scheme <paramref name="authenticationScheme"/>, as the configuration
    /// section <paramref name="configuration"/> says; see <see cref="AddLogtoJwtBearer(AuthenticationBuilder, IConfiguration)"/>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns>The same authentication builder.</returns>
    public static AuthenticationBuilder AddLogtoJwtBearer(this AuthenticationBuilder builder, string authenticationScheme, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // A call (not a method group), so that the configuration binder's source generator compiles it: no reflection.
        return builder.AddLogtoJwtBearer(authenticationScheme, options => configuration.Bind(options));
    }

    private static bool ValidOptions(LogtoJwtBearerOptions options)
    {
        // Throws with a message that says what to set; ValidateOnStart reports it when the application starts.
        options.Validate();
        return true;
    }
}
