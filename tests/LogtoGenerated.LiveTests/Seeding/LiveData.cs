using System.Text.Json.Nodes;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests.Seeding;

/// <summary>
/// Realistic data made on the live server through the client's public API, before a crawl: applications of every
/// type with redirect URIs, post-logout URIs, CORS origins and custom data; a SAML application with a secret and an
/// ACS URL; users with profiles, custom data, roles, an identity, MFA and a personal access token; an organization
/// with members, roles, an application, an invitation and JIT settings; resources with scopes; a hook; custom phrases;
/// sign-in experience settings; a custom profile field. Every name carries the run's tag, so that runs on one server
/// do not collide.
/// </summary>
/// <param name="Tag">The run's tag, in every name made.</param>
/// <param name="Values">
/// What a path parameter takes, keyed by the segment before it and the parameter (<c>users/{userId}</c>), or by the
/// operation's path template and the parameter where the segment alone does not tell (<c>/api/applications/{applicationId}/roles/{roleId}</c>).
/// </param>
internal sealed record LiveData(string Tag, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>
    /// The value of the path parameter <paramref name="parameter"/> of <paramref name="template"/> for an operation with
    /// <paramref name="method"/>, or null when the data has none: keyed by method and template first
    /// (<c>DELETE /api/... {secretId}</c>), then by template, then by the segment before the parameter.
    /// </summary>
    public string? PathValue(string method, string template, string parameter)
    {
        var placeholder = "{" + parameter + "}";
        if (Values.TryGetValue($"{method.ToUpperInvariant()} {template} {placeholder}", out var exact)
            || Values.TryGetValue(template + " " + placeholder, out exact))
        {
            return exact;
        }

        var segments = template.Split('/');
        var index = Array.IndexOf(segments, placeholder);
        return index > 0 && Values.TryGetValue(segments[index - 1] + "/" + placeholder, out var value) ? value : null;
    }

    /// <summary>Makes the data; <paramref name="tag"/> goes into every name.</summary>
    public static async Task<LiveData> SeedAsync(LogtoManagementClient client, string tag)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await RemoveEarlierSamlApplicationsAsync(client);
        var redirect = $"https://{tag}.example.com/callback";

        // Applications of every type a bare server can make, with the OIDC metadata real apps have.
        Application? web = null, m2m = null;
        foreach (var type in new[] { ApplicationType.Traditional, ApplicationType.SPA, ApplicationType.Native, ApplicationType.MachineToMachine })
        {
            var created = await client.Applications.PostAsync(new CreateApplicationRequest
            {
                Name = $"live {tag} {type.Value}",
                Description = $"A {type.Value} application of the live tests",
                Type = type,
                OidcClientMetadata = type == ApplicationType.MachineToMachine ? null : new OidcClientMetadata
                {
                    RedirectUris = type == ApplicationType.Native ? [$"io.logto.{tag}://callback", redirect] : [redirect],
                    PostLogoutRedirectUris = [$"https://{tag}.example.com/signed-out"],
                },
                CustomClientMetadata = new CustomClientMetadata { CorsAllowedOrigins = [$"https://{tag}.example.com"], RefreshTokenTtlInDays = 14 },
                CustomData = new JsonObject { ["team"] = "live-tests", ["tier"] = 2 },
            });
            web ??= type == ApplicationType.Traditional ? created : null;
            m2m ??= type == ApplicationType.MachineToMachine ? created : null;
        }

        // A third-party app (consent scopes, consent organizations, its own sign-in experience).
        var thirdParty = await client.Applications.PostAsync(new CreateApplicationRequest
        {
            Name = $"live {tag} partner",
            Type = ApplicationType.Traditional,
            IsThirdParty = true,
            OidcClientMetadata = new OidcClientMetadata { RedirectUris = [$"https://partner.{tag}.example.com/callback"], PostLogoutRedirectUris = [] },
        });
        await client.Applications[thirdParty.Id].SignInExperience.PutAsync(new ReplaceApplicationSignInExperienceRequest
        {
            DisplayName = "Partner portal",
            TermsOfUseUrl = "https://example.com/terms",
            PrivacyPolicyUrl = "https://example.com/privacy",
        });
        foreach (var path in new[] { "user-consent-scopes", "sign-in-experience", "users/{userId}/consent-organizations", "users/{userId}/consent-organizations/{organizationId}" })
        {
            values[$"/api/applications/{{applicationId}}/{path} {{applicationId}}"] = thirdParty.Id;
            values[$"/api/applications/{{id}}/{path} {{id}}"] = thirdParty.Id;
        }

        values["applications/{id}"] = values["applications/{applicationId}"] = web!.Id;
        values["/api/applications/{applicationId}/user-consent-scopes/{scopeType}/{scopeId} {applicationId}"] = thirdParty.Id;
        values["/api/applications/{applicationId}/roles {applicationId}"] = m2m!.Id;
        values["/api/applications/{applicationId}/roles/{roleId} {applicationId}"] = m2m.Id;
        var appSecret = await client.Applications[web.Id].Secrets.PostAsync(new CreateSecretRequest { Name = $"live-{tag}-secret" });
        values["/api/applications/{id}/secrets/{name} {name}"] = appSecret.Name;

        // Resources with scopes, and roles: a user role with a resource scope, an M2M role given to the M2M app.
        var resource = await client.Resources.PostAsync(new CreateResourceRequest { Name = $"live {tag} orders", Indicator = $"https://{tag}.example.com/api", AccessTokenTtl = 3600 });
        var scope = await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = "read:orders", Description = "Read orders" });
        await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = "write:orders", Description = "Write orders" });
        values["resources/{id}"] = values["resources/{resourceId}"] = resource.Id;
        values["scopes/{scopeId}"] = values["resource-scopes/{scopeId}"] = scope.Id;

        var userRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-viewer", Description = "Views orders", Type = RoleType.User, ScopeIds = [scope.Id] });
        var m2mRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-service", Description = "Order service", Type = RoleType.MachineToMachine, ScopeIds = [scope.Id] });
        await client.Applications[m2m.Id].Roles.PostAsync(new RoleIdsRequest { RoleIds = [m2mRole.Id] });
        values["roles/{id}"] = userRole.Id;
        await client.Applications[thirdParty.Id].UserConsentScopes.PostAsync(new UserConsentScopesRequest { ResourceScopes = [scope.Id] });
        await client.Cimd.UserConsentScopes.PostAsync(new UserConsentScopesRequest { ResourceScopes = [scope.Id] });
        values["/api/cimd/user-consent-scopes/{scopeType}/{scopeId} {scopeType}"] = "resource-scopes";
        values["/api/cimd/user-consent-scopes/{scopeType}/{scopeId} {scopeId}"] = scope.Id;
        values["/api/applications/{applicationId}/user-consent-scopes/{scopeType}/{scopeId} {scopeType}"] = "resource-scopes";
        values["/api/applications/{applicationId}/user-consent-scopes/{scopeType}/{scopeId} {scopeId}"] = scope.Id;
        values["/api/applications/{applicationId}/roles/{roleId} {roleId}"] = m2mRole.Id;
        values["/api/roles/{id}/applications {id}"] = m2mRole.Id;
        var spareRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-auditor", Description = "Audits orders" });
        var spareM2mRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-batch", Description = "Batch jobs", Type = RoleType.MachineToMachine });
        var spareScope = await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = "refund:orders", Description = "Refund orders" });
        var spareM2m = await client.Applications.PostAsync(new CreateApplicationRequest { Name = $"live {tag} batch job", Type = ApplicationType.MachineToMachine });
        values["seeded/role"] = userRole.Id;
        values["seeded/m2mRole"] = m2mRole.Id;
        values["seeded/scope"] = scope.Id;
        values["seeded/m2mApp"] = m2m.Id;
        values["spare2/role"] = (await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-support", Description = "Answers customers" })).Id;
        values["spare2/m2mRole"] = (await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-sync", Description = "Syncs data", Type = RoleType.MachineToMachine })).Id;
        values["spare2/scope"] = (await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = "export:orders", Description = "Export orders" })).Id;
        values["spare2/m2mApp"] = (await client.Applications.PostAsync(new CreateApplicationRequest { Name = $"live {tag} sync job", Type = ApplicationType.MachineToMachine })).Id;
        values["/api/resources/{resourceId}/scopes/{scopeId} {scopeId}"] = (await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = "archive:orders" })).Id;
        values["spare/role"] = spareRole.Id;

        // The PUT of a user's roles adds the second spare role; deleting that one leaves the seeded relation to the role's own DELETE.
        values["/api/users/{userId}/roles/{roleId} {roleId}"] = values["spare2/role"];
        values["spare/m2mRole"] = spareM2mRole.Id;
        values["spare/scope"] = spareScope.Id;
        values["spare/m2mApp"] = spareM2m.Id;
        values["/api/roles/{id}/applications/{applicationId} {applicationId}"] = spareM2m.Id;
        values["/api/roles/{id}/applications/{applicationId} {id}"] = m2mRole.Id;

        // Users with profiles, custom data, a role, a social identity, MFA and a personal access token.
        var user = await client.Users.PostAsync(new CreateUserRequest
        {
            Username = $"live_{tag}_ada",
            PrimaryEmail = $"ada.{tag}@example.com",
            Password = $"Correct-horse-{tag}-9",
            Name = "Ada Lovelace",
            Avatar = "https://example.com/ada.png",
            CustomData = new JsonObject { ["plan"] = "pro", ["seats"] = 5 },
            Profile = new UserProfile { GivenName = "Ada", FamilyName = "Lovelace", Locale = "en-GB", Website = "https://example.com/ada" },
        });
        var second = await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_grace", Name = "Grace Hopper", PrimaryEmail = $"grace.{tag}@example.com" });
        await client.Users[user.Id].Roles.PostAsync(new RoleIdsRequest { RoleIds = [userRole.Id] });
        await client.Users[user.Id].Identities["github"].PutAsync(new UserIdentity { UserId = $"gh-{tag}", Details = new JsonObject { ["email"] = $"ada.{tag}@example.com" } });
        var mfa = await client.Users[user.Id].MfaVerifications.PostAsync(new CreateUserMfaVerificationRequest(new CreateUserMfaVerificationTotpRequest()));
        var token = await client.Users[user.Id].PersonalAccessTokens.PostAsync(new CreateSecretRequest { Name = $"live-{tag}-pat" });
        values["users/{userId}"] = values["users/{id}"] = user.Id;
        values["seeded/user"] = user.Id;
        values["spare/user"] = (await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_alan", Name = "Alan Turing" })).Id;
        values["spare2/user"] = (await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_katherine", Name = "Katherine Johnson" })).Id;
        values["identities/{target}"] = "github";
        values["personal-access-tokens/{name}"] = token.Name;
        values["mfa-verifications/{verificationId}"] = (await client.Users[user.Id].MfaVerifications.GetAsync()).First().Id;
        _ = mfa;

        // An organization with members, roles, scopes, an application, an invitation and JIT settings.
        var orgScope = await client.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:read", Description = "Read the organization" });
        var orgRole = await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-member", OrganizationScopeIds = [orgScope.Id], ResourceScopeIds = [scope.Id] });
        var orgAppRole = await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-app", Type = RoleType.MachineToMachine, OrganizationScopeIds = [orgScope.Id] });
        var organization = await client.Organizations.PostAsync(new CreateOrganizationRequest
        {
            Name = $"Live {tag} Ltd",
            Description = "An organization of the live tests",
            CustomData = new JsonObject { ["region"] = "eu" },
        });
        await client.Organizations[organization.Id].Users.PostAsync(new UserIdsRequest { UserIds = [user.Id, second.Id] });
        await client.Organizations[organization.Id].Users[user.Id].Roles.PostAsync(new OrganizationRolesRequest { OrganizationRoleIds = [orgRole.Id] });
        await client.Organizations[organization.Id].Applications.PostAsync(new ApplicationIdsRequest { ApplicationIds = [m2m.Id] });
        await client.Organizations[organization.Id].Jit.EmailDomains.PostAsync(new CreateOrganizationJitEmailDomainRequest { EmailDomain = $"{tag}.example.com" });
        await client.Organizations[organization.Id].Jit.Roles.PostAsync(new OrganizationRoleIdsRequest { OrganizationRoleIds = [orgRole.Id] });
        var invitation = await client.OrganizationInvitations.PostAsync(new CreateOrganizationInvitationRequest
        {
            Invitee = $"new.{tag}@example.com",
            OrganizationId = organization.Id,
            InviterId = user.Id,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            OrganizationRoleIds = [orgRole.Id],
        });
        values["organizations/{id}"] = values["seeded/organization"] = values["spare/organization"] = organization.Id;
        values["spare2/organization"] = (await client.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} Partners" })).Id;
        values["/api/organizations/{id}/jit/roles/{organizationRoleId} {organizationRoleId}"] = orgRole.Id;
        values["/api/organizations/{id}/users/{userId}/roles/{organizationRoleId} {organizationRoleId}"] = orgRole.Id;
        values["seeded/orgRole"] = orgRole.Id;
        values["seeded/orgAppRole"] = orgAppRole.Id;
        values["seeded/orgScope"] = orgScope.Id;
        values["spare/orgRole"] = (await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-admin" })).Id;
        values["spare2/orgRole"] = (await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-guest" })).Id;
        values["spare/orgAppRole"] = (await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-app-reader", Type = RoleType.MachineToMachine })).Id;
        values["spare2/orgAppRole"] = (await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-app-writer", Type = RoleType.MachineToMachine })).Id;
        values["spare/orgScope"] = (await client.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:write" })).Id;
        values["spare2/orgScope"] = (await client.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:admin" })).Id;
        values["organization-roles/{id}"] = orgRole.Id;
        values["organization-scopes/{id}"] = values["scopes/{organizationScopeId}"] = orgScope.Id;
        values["organization-invitations/{id}"] = invitation.Id;
        values["email-domains/{emailDomain}"] = $"{tag}.example.com";
        values["/api/organizations/{id}/applications/{applicationId}/roles {applicationId}"] = m2m.Id;
        values["/api/organizations/{id}/applications/{applicationId}/roles/{organizationRoleId} {applicationId}"] = m2m.Id;
        values["/api/organizations/{id}/applications/{applicationId} {applicationId}"] = m2m.Id;
        values["roles/{organizationRoleId}"] = orgAppRole.Id;
        values["consent-organizations/{organizationId}"] = organization.Id;

        // A SAML application with a secret and an ACS URL.
        var saml = await client.SamlApplications.PostAsync(new CreateSamlApplicationRequest
        {
            Name = $"live {tag} SAML",
            Description = "A SAML service provider of the live tests",
            EntityId = $"https://{tag}.example.com/saml",
            AcsUrl = new AcsUrl { Binding = AcsUrlBinding.UrnOasisNamesTcSAML20BindingsHTTPPOST, Url = $"https://{tag}.example.com/saml/acs" },
        });
        var samlSecret = await client.SamlApplications[saml.Id].Secrets.PostAsync(new CreateSamlApplicationSecretRequest { LifeSpanInYears = 2 });
        values["saml-applications/{id}"] = saml.Id;
        values["secrets/{secretId}"] = samlSecret.Id;
        var inactive = await client.SamlApplications[saml.Id].Secrets.PostAsync(new CreateSamlApplicationSecretRequest { LifeSpanInYears = 1 });
        values["DELETE /api/saml-applications/{id}/secrets/{secretId} {secretId}"] = inactive.Id;

        // A hook, custom phrases, sign-in experience settings and a custom profile field.
        var hook = await client.Hooks.PostAsync(new CreateHookRequest
        {
            Name = $"live {tag} hook",
            Events = [HookEvent.UserCreated, HookEvent.PostRegister],
            Config = new HookConfig { Url = $"https://{tag}.example.com/hooks/logto" },
        });
        values["hooks/{id}"] = hook.Id;
        await client.CustomPhrases["fr"].PutAsync(new Dictionary<string, JsonNode> { ["input"] = new JsonObject { ["username"] = "Nom d'utilisateur" } });
        values["custom-phrases/{languageTag}"] = "fr";
        // The pwned-password check calls an external API, which a test network cannot reach.
        await client.SignInExp.PatchAsync(new UpdateSignInExpRequest
        {
            Color = new SignInExperienceColor { PrimaryColor = "#5d34f2", IsDarkModeEnabled = false, DarkPrimaryColor = "#8a6cf5" },
            PasswordPolicy = new UpdateSignInExpRequestPasswordPolicy { Rejects = new UpdateSignInExpRequestPasswordPolicyRejects { Pwned = false } },
        });
        await client.Configs.Actions[ActionType.ActionPostSignIn].PutAsync(new ActionConfig { Script = "exports.handler = async () => {};", Enabled = false });
        var field = await client.CustomProfileFields.PostAsync(new CreateCustomProfileFieldRequest(new CreateCustomProfileFieldTextRequest
        {
            Name = $"live{tag}nickname",
            Label = "Nickname",
            Required = false,
            Config = new TextRequestConfig { Placeholder = "What friends call you", MaxLength = 40 },
        }));
        values["custom-profile-fields/{name}"] = field.Name;

        // Settings a bare server starts without: a captcha provider, a JWT customizer, an email template, a one-time token.
        await client.CaptchaProvider.PutAsync(new UpdateCaptchaProviderRequest
        {
            Config = new CaptchaProviderConfig(new CaptchaProviderConfigTurnstile { SiteKey = $"live-{tag}-site", SecretKey = $"live-{tag}-secret" }),
        });
        await client.Configs.JwtCustomizer["access-token"].PutAsync(new UpsertJwtCustomizerRequest
        {
            Script = "const getCustomJwtClaims = async ({ token, context, environmentVariables }) => { return { plan: 'pro' }; };",
            EnvironmentVariables = new Dictionary<string, string> { ["PLAN"] = "pro" },
        });
        await client.EmailTemplates.PutAsync(new ReplaceEmailTemplatesRequest
        {
            Templates =
            [
                new ReplaceEmailTemplatesRequestTemplate
                {
                    LanguageTag = "en",
                    TemplateType = TemplateType.SignIn,
                    Details = new EmailTemplateDetails { Subject = "Your sign-in code", Content = "<p>Your code is {{code}}</p>", ContentType = ContentType.TextHtml },
                },
            ],
        });
        values["email-templates/{id}"] = (await client.EmailTemplates.GetAsync()).First(t => t.LanguageTag == "en" && t.TemplateType == TemplateType.SignIn).Id;
        var oneTimeToken = await client.OneTimeTokens.PostAsync(new AddOneTimeTokensRequest { Email = $"otp.{tag}@example.com", ExpiresIn = 3600 });
        values["one-time-tokens/{id}"] = oneTimeToken.Id;
        values["spare/oneTimeToken"] = oneTimeToken.Token;
        if ((await client.Logs.GetAsync(c => c.QueryParameters.PageSize = 1)).FirstOrDefault() is { } log)
        {
            values["logs/{id}"] = log.Id;
        }

        // A cookie key made previous by a rotation, for the key deletion (the write crawl rotates the signing keys).
        var cookieKeys = await client.Configs.Oidc[OidcKeyKeyType.CookieKeys].Rotate.PostAsync(new RotateOidcKeysRequest());
        values["DELETE /api/configs/oidc/{keyType}/{keyId} {keyType}"] = OidcKeyKeyType.CookieKeys.Value;
        values["DELETE /api/configs/oidc/{keyType}/{keyId} {keyId}"] = cookieKeys.First(k => k.Status != OidcKeyStatus.Current).Id;

        // What every server has: the access token JWT customizer path, the signing key type, an action type.
        values["jwt-customizer/{tokenTypePath}"] = "access-token";
        values["oidc/{keyType}"] = "private-keys";
        values["actions/{actionType}"] = ActionType.ActionPostSignIn.Value;
        return new LiveData(tag, values);
    }

    /// <summary>A bare server allows 3 SAML applications: those of earlier runs (named "live ...") go first.</summary>
    private static async Task RemoveEarlierSamlApplicationsAsync(LogtoManagementClient client)
    {
        var earlier = await client.Applications.GetAsync(c => c.QueryParameters.Types = [ApplicationType.SAML]);
        foreach (var application in earlier.Where(a => a.Name.StartsWith("live ", StringComparison.Ordinal)))
        {
            await client.SamlApplications[application.Id].DeleteAsync();
        }
    }
}
