// A minimal API protected by Logto. Machine-to-machine apps call it with a Logto access token for its API resource:
// GET /orders needs the scope read:orders; GET /organizations/{organizationId}/reports needs an organization token
// for that organization with the permission read:reports. Configuration: the "Logto" section (appsettings.json, or
// environment variables Logto__Endpoint or Logto__TenantId, and Logto__Resource).
using System.Text.Json.Serialization;
using LogtoGenerated.AspNetCore;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));
builder.Services.AddAuthentication().AddLogtoJwtBearer(builder.Configuration.GetSection("Logto"));
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("read:orders", policy => policy.RequireLogtoScopes("read:orders"))
    .AddPolicy("organization reports", policy => policy.RequireLogtoOrganizationToken("organizationId", "read:reports"));

WebApplication app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", () => "ok");

app.MapGet("/orders", (HttpContext context) => new OrderList(
        context.User.GetLogtoClientId() ?? "(unknown)",
        context.User.IsLogtoMachine(),
        [new Order("order-1001", "3 notebooks"), new Order("order-1002", "1 desk lamp")]))
    .RequireAuthorization("read:orders");

app.MapGet("/organizations/{organizationId}/reports", (string organizationId, HttpContext context) =>
        new Report(organizationId, context.User.GetLogtoClientId() ?? "(unknown)", "Quarterly orders: 42"))
    .RequireAuthorization("organization reports");

app.Run();

/// <summary>An order.</summary>
internal sealed record Order(string Id, string Item);

/// <summary>The orders, and who asked for them.</summary>
internal sealed record OrderList(string Caller, bool CallerIsMachine, Order[] Orders);

/// <summary>An organization's report.</summary>
internal sealed record Report(string OrganizationId, string Caller, string Summary);

[JsonSerializable(typeof(OrderList))]
[JsonSerializable(typeof(Report))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
