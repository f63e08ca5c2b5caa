using LogtoGenerated;
using LogtoGenerated.Benchmarks.Infrastructure;
using LogtoGenerated.Models;

// The first call of a new process with the generated client: a token request, then GET /api/users/{userId}.
var client = LogtoManagementClient.Create(
    new LogtoManagementOptions { TenantId = Payloads.TenantId, ClientId = Payloads.ClientId, ClientSecret = Payloads.ClientSecret },
    new HttpClient(new FakeLogtoHandler()));
User user = await client.Users[Payloads.UserId].GetAsync();
LogtoGenerated.ColdStart.ResidentMemory.ReportIfAsked();
return user.Id == Payloads.UserId ? 0 : 1;
