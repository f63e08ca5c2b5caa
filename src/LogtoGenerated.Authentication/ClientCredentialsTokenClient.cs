using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LogtoGenerated.Http;

namespace LogtoGenerated.Authentication;

/// <summary>
/// Performs one client-credentials exchange as Logto documents it: <c>POST {endpoint}/oidc/token</c> with Basic
/// client authentication and a form body, and turns every way it can fail into a <see cref="LogtoTokenException"/>.
/// </summary>
internal static class ClientCredentialsTokenClient
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    public static async Task<LogtoAccessToken> RequestTokenAsync(
        HttpClient httpClient, ClientCredentialsSettings settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenEndpoint);
        request.Headers.Authorization = settings.BasicCredentials;
        request.Headers.Accept.Add(AcceptJson);
        var form = new List<KeyValuePair<string, string>>(4) { new("grant_type", "client_credentials") };
        if (settings.RequestedResource is not null)
        {
            form.Add(new("resource", settings.RequestedResource));
        }

        if (settings.OrganizationId is not null)
        {
            form.Add(new("organization_id", settings.OrganizationId));
        }
        if (settings.Scopes.Length > 0)
        {
            form.Add(new("scope", string.Join(' ', settings.Scopes)));
        }

        request.Content = new FormUrlEncodedContent(form);

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Fail(settings, $"Could not reach Logto's token endpoint {Describe(settings.TokenEndpoint)}: {e.Message} Check Endpoint (or TenantId) and that Logto is running.", null, inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(settings, $"Logto's token endpoint {Describe(settings.TokenEndpoint)} did not answer in time (HttpClient.Timeout).", null, inner: e);
        }

        using (response)
        {
            DateTimeOffset receivedAt = settings.TimeProvider.GetUtcNow();
            string? requestId = LogtoHeaders.GetRequestId(response);
            byte[]? body = (await ResponseBody.ReadAsync(response, cancellationToken).ConfigureAwait(false)).Bytes;
            int status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw FromErrorResponse(settings, status, body, requestId);
            }

            return ParseToken(settings, status, body, requestId, receivedAt);
        }
    }

    // Messages here never quote the body: a malformed success body may still contain a token.
    private const string Malformed = "Logto's token endpoint answered {0} with {1}; expected a JSON object with access_token, token_type \"Bearer\" and expires_in. Check that Endpoint points at Logto.";

    private static LogtoAccessToken ParseToken(ClientCredentialsSettings settings, int status, byte[]? body, string? requestId, DateTimeOffset receivedAt)
    {
        TokenResponse response = new(settings, status, requestId);
        if (body is null || body.Length == 0)
        {
            throw response.Malformed("an empty body");
        }

        TokenMembers? members;
        try
        {
            members = TokenMembers.Read(body);
        }
        catch (JsonException e)
        {
            throw response.Malformed("a body that is not JSON", new JsonException("The token response is not valid JSON (" + e.LineNumber + ":" + e.BytePositionInLine + ")."));
        }

        if (members is null)
        {
            throw response.Malformed("JSON that is not an object");
        }

        string value = ReadAccessToken(members, response);
        CheckTokenType(members, response);
        TimeSpan lifetime = ReadLifetime(members, response);
        string[] granted = ReadGrantedScopes(members, response);
        return new LogtoAccessToken(value, receivedAt, receivedAt + lifetime, settings.RefreshAt(receivedAt, receivedAt + lifetime), granted, settings.OrganizationId);
    }

    private static string ReadAccessToken(TokenMembers members, TokenResponse response) =>
        members.AccessToken is { Length: > 0 } value && IsToken68(value)
            ? value
            : throw response.Malformed("no usable access_token");

    private static void CheckTokenType(TokenMembers members, TokenResponse response)
    {
        if (!string.Equals(members.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            string actual = members.TokenType is not null ? "token_type \"" + Truncate(members.TokenType, 40) + "\"" : "no token_type";
            throw response.Malformed(actual);
        }
    }

    private static TimeSpan ReadLifetime(TokenMembers members, TokenResponse response) =>
        members.ExpiresIn is double seconds && seconds > 0 && seconds <= TimeSpan.FromDays(366).TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw response.Malformed("a missing or invalid expires_in (a positive number of seconds)");

    /// <summary>The granted scopes, sorted; throws when a requested one is missing (Logto leaves out scopes it does not grant).</summary>
    private static string[] ReadGrantedScopes(TokenMembers members, TokenResponse response)
    {
        string[] granted = members.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        Array.Sort(granted, StringComparer.Ordinal);
        ClientCredentialsSettings settings = response.Settings;
        List<string>? missing = null;
        foreach (string requested in settings.Scopes)
        {
            if (Array.BinarySearch(granted, requested, StringComparer.Ordinal) < 0)
            {
                (missing ??= []).Add(requested);
            }
        }

        if (missing is not null)
        {
            string[] missingScopes = missing.ToArray();
            throw Fail(settings, MissingScopesMessage(settings, missingScopes), response.Status, requestId: response.RequestId, missingScopes: missingScopes);
        }

        return granted;
    }

    private static string MissingScopesMessage(ClientCredentialsSettings settings, string[] missing)
    {
        string scopes = string.Join(", ", missing.Select(s => "'" + s + "'"));
        var message = new StringBuilder()
            .Append("Logto issued a token for ").Append(settings.Resource).Append(" without the scope").Append(missing.Length > 1 ? "s " : " ").Append(scopes)
            .Append(": the application ").Append(settings.ClientId).Append(" has no role granting ").Append(missing.Length > 1 ? "them" : "it")
            .Append(" (Logto silently leaves out scopes it does not grant). ");
        if (settings.OrganizationId is not null)
        {
            message.Append("In the Logto console, open Organizations > ").Append(settings.OrganizationId)
                .Append(" > Machine-to-machine apps, and give the application an organization role with the permission").Append(missing.Length > 1 ? "s " : " ").Append(scopes)
                .Append(" (organization template: machine-to-machine roles); or remove the scope from Scopes.");
        }
        else if (settings.IsManagementApi)
        {
            message.Append("In the Logto console, open Applications > your machine-to-machine app > Roles, and assign a role with the Management API's 'all' permission, such as the built-in \"Logto Management API access\" role.");
        }
        else
        {
            message.Append("In the Logto console, create a machine-to-machine role with the permission").Append(missing.Length > 1 ? "s " : " ").Append(scopes)
                .Append(" of the API resource ").Append(settings.Resource).Append(" (Roles > Create role), and assign it to the application; or remove the scope from Scopes.");
        }

        return message.ToString();
    }

    private static LogtoTokenException FromErrorResponse(ClientCredentialsSettings settings, int status, byte[]? body, string? requestId)
    {
        TokenMembers? members = null;
        if (body is { Length: > 0 })
        {
            try
            {
                members = TokenMembers.Read(body);
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's error page, say): the status alone tells the story.
            }
        }

        string? error = members?.Error, description = members?.ErrorDescription, code = members?.Code;
        var message = new StringBuilder("Logto's token endpoint ").Append(Describe(settings.TokenEndpoint)).Append(" refused the client-credentials request with ").Append(status);
        if (error is not null)
        {
            message.Append(' ').Append(error);
        }

        if (description is not null)
        {
            message.Append(" (").Append(Truncate(description, 300)).Append(')');
        }

        message.Append(". ").Append(Advice(settings, status, error, description));
        if (requestId is not null)
        {
            message.Append(" Logto request id: ").Append(requestId).Append('.');
        }

        return Fail(settings, message.ToString(), status, error, description, code, requestId);
    }

    private static string Advice(ClientCredentialsSettings settings, int status, string? error, string? description)
    {
        string app = "the machine-to-machine application " + settings.ClientId;
        switch (error)
        {
            case "invalid_client" when status == 401:
                return "The client secret is wrong for " + app + ": check ClientSecret against an App secret on the application's page in the Logto console.";
            case "invalid_client":
                return "Logto does not know the client id " + settings.ClientId + ": check ClientId (the App ID of a machine-to-machine application) and that Endpoint or TenantId is the right tenant.";
            case "invalid_request" when description?.Contains("expired", StringComparison.OrdinalIgnoreCase) == true:
                return "The client secret of " + app + " has expired: create a new App secret in the Logto console and update ClientSecret.";
            case "invalid_target":
                return "Logto does not know the resource " + settings.Resource + ": check Resource against the API identifier in Logto console > API resources"
                    + (settings.IsManagementApi ? " (the Management API is https://{tenant}.logto.app/api on Logto Cloud and https://default.logto.app/api self-hosted)." : ".");
            case "access_denied" when settings.OrganizationId is not null:
                return "The machine-to-machine application " + settings.ClientId + " is not a member of the organization " + settings.OrganizationId
                    + ": add it in Logto console > Organizations > the organization > Machine-to-machine apps (or with the Management API: POST /api/organizations/{id}/applications), or check OrganizationId.";
            case "unauthorized_client":
            case "unsupported_grant_type":
                return "The application " + settings.ClientId + " may not use the client-credentials grant: use a machine-to-machine application.";
            case "invalid_scope":
                return "Check Scopes against the permissions of the API resource " + settings.Resource + ".";
        }

        if (status >= 500)
        {
            return "Logto failed to issue a token; try again later, and check Logto's logs if it persists.";
        }

        return "Check Endpoint (or TenantId), ClientId, ClientSecret and Resource.";
    }

    /// <summary>Whether the token can go in an <c>Authorization: Bearer</c> header (RFC 6750 token68 characters).</summary>
    private static bool IsToken68(string value)
    {
        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '='))
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";

    private static string Describe(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Path);

    private static LogtoTokenException Fail(
        ClientCredentialsSettings settings, string message, int? status, string? error = null, string? description = null,
        string? code = null, string? requestId = null, IReadOnlyList<string>? missingScopes = null, Exception? inner = null) =>
        new(message, settings.TokenEndpoint, settings.ClientId, settings.Resource, status, error, description, code, requestId, missingScopes, inner) { OrganizationId = settings.OrganizationId };

    /// <summary>A successful token response being read, for the exceptions that say what is wrong with it.</summary>
    private readonly record struct TokenResponse(ClientCredentialsSettings Settings, int Status, string? RequestId)
    {
        public LogtoTokenException Malformed(string what, Exception? inner = null) =>
            Fail(Settings, string.Format(System.Globalization.CultureInfo.InvariantCulture, ClientCredentialsTokenClient.Malformed, Status, what), Status, requestId: RequestId, inner: inner);
    }
}
