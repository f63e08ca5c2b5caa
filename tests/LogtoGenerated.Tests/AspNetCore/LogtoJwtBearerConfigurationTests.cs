using System.Net;
using LogtoGenerated.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Tests.AspNetCore;

/// <summary><c>AddLogtoJwtBearer</c> from configuration, and the errors for options that name no Logto or no resource.</summary>
public sealed class LogtoJwtBearerConfigurationTests
{
    [Fact]
    public async Task The_Logto_section_configures_the_scheme()
    {
        await using FakeLogtoIssuer logto = await FakeLogtoIssuer.StartAsync();
        await using WebApplication app = await StartAsync(new Dictionary<string, string?>
        {
            ["Logto:Endpoint"] = logto.Endpoint.AbsoluteUri,
            ["Logto:Resource"] = FakeLogtoIssuer.Resource,
            ["Logto:ClockSkew"] = "00:00:05",
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new("Bearer", logto.Token());
        using HttpResponseMessage response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void A_tenant_id_means_Logto_Cloud()
    {
        Assert.Equal("https://abc123.logto.app/oidc", new LogtoJwtBearerOptions { TenantId = "abc123" }.Issuer.AbsoluteUri);
        Assert.Equal("https://auth.example.com/oidc", new LogtoJwtBearerOptions { Endpoint = new Uri("https://auth.example.com/") }.Issuer.AbsoluteUri);
    }

    [Theory]
    [InlineData(null, null, "https://shop.example/api", "names no Logto: set Endpoint")]
    [InlineData("https://auth.example.com", "abc123", "https://shop.example/api", "has both Endpoint and TenantId")]
    [InlineData("http://auth.example.com", null, "https://shop.example/api", "uses http: signing keys are read over https only")]
    [InlineData(null, "ABC 123", "https://shop.example/api", "is not a Logto Cloud tenant id")]
    [InlineData("https://auth.example.com", null, null, "Resource is not set")]
    public async Task Options_that_cannot_work_stop_the_application_at_start_saying_what_to_set(string? endpoint, string? tenantId, string? resource, string message)
    {
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Logto:Endpoint"] = endpoint,
            ["Logto:TenantId"] = tenantId,
            ["Logto:Resource"] = resource,
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_value_of_the_wrong_kind_is_named()
    {
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Logto:Endpoint"] = "https://auth.example.com",
            ["Logto:Resource"] = "https://shop.example/api",
            ["Logto:ClockSkew"] = "soon",
        }));

        Assert.Equal("Failed to convert configuration value 'soon' at 'Logto:ClockSkew' to type 'System.TimeSpan'.", error.Message);
    }

    [Fact]
    public void Every_option_is_read_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddAuthentication().AddLogtoJwtBearer(OptionsConfiguration.EveryKey<LogtoJwtBearerOptions>("Logto").GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        LogtoJwtBearerOptions options = OptionsConfiguration.Configured<LogtoJwtBearerOptions>(provider, "Bearer");

        OptionsConfiguration.AssertEveryKeyWasRead(options, new LogtoJwtBearerOptions());
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAuthentication().AddLogtoJwtBearer(builder.Configuration.GetSection("Logto"));
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "ok").RequireAuthorization();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
