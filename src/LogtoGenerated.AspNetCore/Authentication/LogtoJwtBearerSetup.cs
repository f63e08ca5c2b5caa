using LogtoGenerated.AspNetCore.SigningKeys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.AspNetCore.Authentication;

/// <summary>
/// Turns a scheme's <see cref="LogtoJwtBearerOptions"/> into the <see cref="JwtBearerOptions"/> of ASP.NET Core's
/// JWT bearer handler. Runs after JwtBearer's own post-configuration.
/// </summary>
internal sealed class LogtoJwtBearerSetup : IPostConfigureOptions<JwtBearerOptions>
{
    private readonly string _scheme;
    private readonly IOptionsMonitor<LogtoJwtBearerOptions> _logtoOptions;
    private readonly ILoggerFactory _loggerFactory;

    public LogtoJwtBearerSetup(string scheme, IOptionsMonitor<LogtoJwtBearerOptions> logtoOptions, ILoggerFactory loggerFactory)
    {
        _scheme = scheme;
        _logtoOptions = logtoOptions;
        _loggerFactory = loggerFactory;
    }

    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != _scheme)
        {
            return;
        }

        // Get validates the options (the check AddLogtoJwtBearer registers), throwing with what to set.
        LogtoJwtBearerOptions logto = _logtoOptions.Get(name);
        string issuer = logto.Issuer.AbsoluteUri;
        TimeProvider time = options.TimeProvider ?? TimeProvider.System;

        options.MapInboundClaims = false;
        options.Authority = null;
        options.MetadataAddress = null!;
        options.Audience = null;

        TokenValidationParameters parameters = options.TokenValidationParameters;
        parameters.ValidateIssuer = true;
        parameters.ValidIssuer = issuer;
        parameters.ValidateAudience = true;
        if (logto.AcceptOrganizationTokens)
        {
            string? resource = logto.Resource;
            parameters.AudienceValidator = (audiences, _, _) => audiences.Any(audience =>
                (resource is not null && string.Equals(audience, resource, StringComparison.Ordinal))
                || audience.StartsWith(LogtoJwtBearerOptions.OrganizationAudiencePrefix, StringComparison.Ordinal));
        }
        else
        {
            parameters.ValidAudience = logto.Resource;
        }

        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateIssuerSigningKey = true;
        parameters.ValidTypes = ["at+jwt"];
        parameters.ClockSkew = logto.ClockSkew;
        parameters.NameClaimType = LogtoClaimTypes.Subject;
        parameters.RoleClaimType = LogtoClaimTypes.Roles;

        // JwtBearer makes its back-channel client only for an Authority or MetadataAddress, which are not used here.
        options.Backchannel ??= new HttpClient(options.BackchannelHttpHandler ?? new HttpClientHandler())
        {
            Timeout = options.BackchannelTimeout,
            MaxResponseContentBufferSize = 1024 * 1024,
        };
        HttpClient backchannel = options.Backchannel;
        var keys = new LogtoSigningKeys(
            logto.Issuer,
            backchannel,
            time,
            logto.SigningKeysRefreshInterval,
            logto.UnknownKeyRefreshInterval,
            _loggerFactory.CreateLogger("LogtoGenerated.AspNetCore.SigningKeys"));
        var cache = new ValidatedTokenCache(logto.ValidatedTokenCacheSize, logto.ValidatedTokenCacheMemoryLimit, time);
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new LogtoTokenHandler(keys, cache));

        options.Events ??= new JwtBearerEvents();
        Func<JwtBearerChallengeContext, Task> challenge = options.Events.OnChallenge;
        options.Events.OnChallenge = context =>
        {
            LogtoAuthenticationErrors.Describe(context, logto);
            return challenge(context);
        };
        Func<ForbiddenContext, Task> forbidden = options.Events.OnForbidden;
        options.Events.OnForbidden = context =>
        {
            LogtoAuthenticationErrors.DescribeForbidden(context);
            return forbidden(context);
        };
    }
}
