// A minimal API that looks users up in Logto. The client is registered from the "Logto" configuration
// section; its options are checked when the app starts, so a missing or wrong setting stops it with a
// message naming the key.
using LogtoGenerated;
using LogtoGenerated.Http;
using LogtoGenerated.Models;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddLogtoManagementClient(builder.Configuration.GetSection("Logto"));
builder.Services.AddProblemDetails();

var app = builder.Build();

app.MapGet("/users/{id}", async Task<IResult> (string id, LogtoManagementClient logto, CancellationToken cancellationToken) =>
{
    try
    {
        User user = await logto.Users[id].GetAsync(cancellationToken: cancellationToken);
        return TypedResults.Ok(new UserSummary(user.Id, user.Username, user.Name, user.PrimaryEmail));
    }
    catch (LogtoApiException e) when (e.IsNotFound)
    {
        return TypedResults.Problem($"Logto has no user '{id}'.", statusCode: StatusCodes.Status404NotFound);
    }
});

app.Run();

/// <summary>What GET /users/{id} answers: a user's public profile, not everything Logto holds.</summary>
internal sealed record UserSummary(string Id, string? Username, string? Name, string? PrimaryEmail);
