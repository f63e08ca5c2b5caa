using System.Globalization;
using System.Text.Json.Nodes;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// Logto's user routes on a <see cref="FakeLogtoServer"/>, backed by an in-memory list, for running programs
/// (the samples) end to end: <c>POST /oidc/token</c>, <c>GET /api/users</c> with <c>page</c>/<c>page_size</c> and
/// <c>Total-Number</c>, <c>POST /api/users</c>, and <c>GET</c>/<c>PATCH</c>/<c>DELETE /api/users/{id}</c>. API
/// calls without a token it issued get Logto's 401; an unknown id gets Logto's 404. Users look like the ones a real
/// Logto returns (recording 03).
/// </summary>
internal sealed class FakeLogtoUsers
{
    private const string UsersPath = "/api/users";
    private readonly List<JsonObject> _users = new();
    private readonly HashSet<string> _issuedTokens = new(StringComparer.Ordinal);
    private int _nextId;

    private FakeLogtoUsers()
    {
    }

    /// <summary>Usernames of the users the store holds now, in creation order.</summary>
    public IReadOnlyList<string> Usernames
    {
        get
        {
            lock (_users)
            {
                return _users.Select(user => (string)user["username"]!).ToArray();
            }
        }
    }

    /// <summary>Serves the user routes on <paramref name="server"/>, with <paramref name="seededUsers"/> users already there.</summary>
    public static FakeLogtoUsers ServeOn(FakeLogtoServer server, int seededUsers)
    {
        var store = new FakeLogtoUsers();
        for (int i = 1; i <= seededUsers; i++)
        {
            store.Add(new JsonObject { ["username"] = $"user{i:D3}", ["primaryEmail"] = $"user{i:D3}@example.com" });
        }

        int issued = 0;
        server.On("POST", TokenEndpoint.Path, _ =>
        {
            string token = "token-" + Interlocked.Increment(ref issued);
            lock (store._issuedTokens)
            {
                store._issuedTokens.Add(token);
            }

            return TokenEndpoint.Success(token);
        });
        server.Respond(store.Handle);
        return store;
    }

    private FakeResponse Handle(RecordedRequest request)
    {
        if (!request.Path.StartsWith(UsersPath, StringComparison.Ordinal))
        {
            return FakeResponse.FromRecording("32-route-404.txt");
        }

        if (!IsAuthorized(request))
        {
            return FakeResponse.FromRecording("20-api-no-auth.txt");
        }

        lock (_users)
        {
            if (request.Path == UsersPath)
            {
                return request.Method switch
                {
                    "GET" => List(request),
                    "POST" => Create(request),
                    _ => FakeResponse.FromRecording("32-route-404.txt"),
                };
            }

            string id = Uri.UnescapeDataString(request.Path[(UsersPath.Length + 1)..]);
            JsonObject? user = _users.Find(candidate => (string)candidate["id"]! == id);
            if (user is null)
            {
                return FakeResponse.FromRecording("30-users-404.txt");
            }

            switch (request.Method)
            {
                case "GET":
                    return FakeResponse.Json(200, user.ToJsonString());
                case "PATCH":
                    foreach (KeyValuePair<string, JsonNode?> property in JsonNode.Parse(request.Body)!.AsObject())
                    {
                        user[property.Key] = property.Value?.DeepClone();
                    }

                    return FakeResponse.Json(200, user.ToJsonString());
                case "DELETE":
                    _users.Remove(user);
                    return FakeResponse.Empty(204);
                default:
                    return FakeResponse.FromRecording("32-route-404.txt");
            }
        }
    }

    private bool IsAuthorized(RecordedRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out string? authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        lock (_issuedTokens)
        {
            return _issuedTokens.Contains(authorization["Bearer ".Length..]);
        }
    }

    private FakeResponse List(RecordedRequest request)
    {
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query = QueryHelpers.ParseQuery(request.QueryString);
        int page = query.TryGetValue("page", out var pageValue) ? int.Parse(pageValue!, CultureInfo.InvariantCulture) : 1;
        int pageSize = query.TryGetValue("page_size", out var sizeValue) ? int.Parse(sizeValue!, CultureInfo.InvariantCulture) : 20;
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return FakeResponse.FromRecording("36-users-400-page0.txt");
        }

        var items = new JsonArray(_users.Skip((page - 1) * pageSize).Take(pageSize).Select(user => (JsonNode)user.DeepClone()).ToArray());
        return FakeResponse.Json(200, items.ToJsonString()).WithHeader("Total-Number", _users.Count.ToString(CultureInfo.InvariantCulture));
    }

    private FakeResponse Create(RecordedRequest request)
    {
        JsonObject body = JsonNode.Parse(request.Body)!.AsObject();
        string? username = (string?)body["username"];
        if (username is not null && _users.Exists(user => (string?)user["username"] == username))
        {
            return FakeResponse.FromRecording("35-users-422-duplicate.txt");
        }

        return FakeResponse.Json(200, Add(body).ToJsonString());
    }

    private JsonObject Add(JsonObject fields)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var user = new JsonObject
        {
            ["id"] = "fake" + (++_nextId).ToString("D8", CultureInfo.InvariantCulture),
            ["username"] = null,
            ["primaryEmail"] = null,
            ["primaryPhone"] = null,
            ["name"] = null,
            ["avatar"] = null,
            ["customData"] = new JsonObject(),
            ["identities"] = new JsonObject(),
            ["lastSignInAt"] = null,
            ["createdAt"] = now,
            ["updatedAt"] = now,
            ["profile"] = new JsonObject(),
            ["applicationId"] = null,
            ["isSuspended"] = false,
            ["hasPassword"] = fields.ContainsKey("password"),
        };
        foreach (KeyValuePair<string, JsonNode?> field in fields)
        {
            if (field.Key != "password")
            {
                user[field.Key] = field.Value?.DeepClone();
            }
        }

        _users.Add(user);
        return user;
    }
}
