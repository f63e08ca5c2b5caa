using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;

// The first call of a new process written by hand: a token request, then GET /api/users/{userId}.
var client = new BaselineLogtoClient(
    new HttpClient(new FakeLogtoHandler()), Payloads.Endpoint, Payloads.ClientId, Payloads.ClientSecret, Payloads.Resource);
BaselineUser user = await client.GetUserAsync(Payloads.UserId);
LogtoGenerated.ColdStart.ResidentMemory.ReportIfAsked();
return user.Id == Payloads.UserId ? 0 : 1;
