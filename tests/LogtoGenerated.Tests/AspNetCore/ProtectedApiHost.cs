using System.Net.Http.Headers;
using LogtoGenerated.AspNetCore;
using LogtoGenerated.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.AspNetCore;

/// <summary>
/// A minimal API protected with <c>AddLogtoJwtBearer</c>, in memory (TestServer), with one endpoint per policy:
/// <c>/orders</c> (scope read:orders), <c>/organizations/{organizationId}/reports</c> (organization token with
/// read:reports), <c>/organizations/{organizationId}/orders</c> (organization-level resource with read:orders),
/// <c>/machine</c> and <c>/user</c>, and <c>/me</c> echoing the typed claims.
/// </summary>
internal sealed class ProtectedApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedApiHost(WebApplication app, CollectingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public CollectingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The token handler of the scheme, with its cache of validated tokens.</summary>
    internal LogtoTokenHandler TokenHandler => (LogtoTokenHandler)Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
        .Get(JwtBearerDefaults.AuthenticationScheme).TokenHandlers.Single();

    public static async Task<ProtectedApiHost> StartAsync(Action<LogtoJwtBearerOptions> configure)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddAuthentication().AddLogtoJwtBearer(configure);
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", () => "orders").RequireAuthorization(policy => policy.RequireLogtoScopes("read:orders"));
        app.MapGet("/orders/all", () => "all").RequireAuthorization(policy => policy.RequireLogtoScopes("read:orders", "write:orders"));
        app.MapGet("/organizations/{organizationId}/reports", (string organizationId) => $"reports of {organizationId}")
            .RequireAuthorization(policy => policy.RequireLogtoOrganizationToken("organizationId", "read:reports"));
        app.MapGet("/organizations/{organizationId}/orders", (string organizationId) => $"orders of {organizationId}")
            .RequireAuthorization(policy => policy.RequireLogtoOrganizationResource("organizationId", "read:orders"));
        app.MapGet("/machine", () => "machine").RequireAuthorization(policy => policy.RequireLogtoMachine());
        app.MapGet("/user", () => "user").RequireAuthorization(policy => policy.RequireLogtoUser());
        app.MapGet("/me", (HttpContext context) => string.Join('|',
                context.User.GetLogtoClientId(), context.User.GetLogtoUserId() ?? "-", context.User.IsLogtoMachine(),
                context.User.GetLogtoOrganizationId() ?? "-", string.Join(' ', context.User.GetLogtoScopes().Order(StringComparer.Ordinal))))
            .RequireAuthorization();
        await app.StartAsync();
        return new ProtectedApiHost(app, logs);
    }

    /// <summary>GET <paramref name="path"/> with <c>Authorization: Bearer {token}</c> (none when null).</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
