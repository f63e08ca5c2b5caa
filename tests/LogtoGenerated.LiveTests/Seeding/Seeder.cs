using System.Text.Json.Nodes;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests.Seeding;

/// <summary>
/// Makes <see cref="LiveData"/> through the typed client, one section per kind of data, and records the values path
/// parameters take. Besides the entities a crawl reads and changes (<c>seeded/kind</c>), it makes spare ones
/// (<c>spare/kind</c>, <c>spare2/kind</c>) related to nothing, so that a crawl's POST adds a new relation and its PUT
/// replaces a set with one that still holds the seeded entity (see <c>Crawling/WriteBodies.cs</c>).
/// </summary>
internal sealed class Seeder(LogtoManagementClient client, string tag)
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private Application _web = null!, _m2m = null!, _thirdParty = null!;
    private ResourceScope _scope = null!;
    private Role _userRole = null!;
    private User _user = null!, _second = null!;

    public async Task<LiveData> RunAsync()
    {
        await RemoveEarlierSamlApplicationsAsync(client);
        await ApplicationsAsync();
        await ResourcesAndRolesAsync();
        await UsersAsync();
        await OrganizationAsync();
        await SamlApplicationAsync();
        await SettingsAsync();
        return new LiveData(tag, _values);
    }

    /// <summary>A bare server allows 3 SAML applications: those of earlier runs (named "live ...") go first.</summary>
    public static async Task RemoveEarlierSamlApplicationsAsync(LogtoManagementClient client)
    {
        var earlier = await client.Applications.GetAsync(c => c.QueryParameters.Types = [ApplicationType.SAML]);
        foreach (var application in earlier.Where(a => a.Name.StartsWith("live ", StringComparison.Ordinal)))
        {
            await client.SamlApplications[application.Id].DeleteAsync();
        }
    }

    /// <summary>Applications of every type a bare server makes, with the OIDC metadata real apps have; a third-party app; spare M2M apps.</summary>
    private async Task ApplicationsAsync()
    {
        var redirect = $"https://{tag}.example.com/callback";
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
            _web = type == ApplicationType.Traditional ? created : _web;
            _m2m = type == ApplicationType.MachineToMachine ? created : _m2m;
        }

        // A third-party app: consent scopes, consent organizations, its own sign-in experience.
        _thirdParty = await client.Applications.PostAsync(new CreateApplicationRequest
        {
            Name = $"live {tag} partner",
            Type = ApplicationType.Traditional,
            IsThirdParty = true,
            OidcClientMetadata = new OidcClientMetadata { RedirectUris = [$"https://partner.{tag}.example.com/callback"], PostLogoutRedirectUris = [] },
        });
        await client.Applications[_thirdParty.Id].SignInExperience.PutAsync(new ReplaceApplicationSignInExperienceRequest
        {
            DisplayName = "Partner portal",
            TermsOfUseUrl = "https://example.com/terms",
            PrivacyPolicyUrl = "https://example.com/privacy",
        });
        foreach (var path in new[] { "user-consent-scopes", "user-consent-scopes/{scopeType}/{scopeId}", "sign-in-experience", "users/{userId}/consent-organizations", "users/{userId}/consent-organizations/{organizationId}" })
        {
            _values[$"/api/applications/{{applicationId}}/{path} {{applicationId}}"] = _thirdParty.Id;
            _values[$"/api/applications/{{id}}/{path} {{id}}"] = _thirdParty.Id;
        }

        _values["applications/{id}"] = _values["applications/{applicationId}"] = _web.Id;
        foreach (var template in new[] { "/api/applications/{applicationId}/roles", "/api/applications/{applicationId}/roles/{roleId}", "/api/organizations/{id}/applications/{applicationId}", "/api/organizations/{id}/applications/{applicationId}/roles", "/api/organizations/{id}/applications/{applicationId}/roles/{organizationRoleId}" })
        {
            _values[template + " {applicationId}"] = _m2m.Id;
        }

        _values["/api/applications/{id}/secrets/{name} {name}"] = (await client.Applications[_web.Id].Secrets.PostAsync(new CreateSecretRequest { Name = $"live-{tag}-secret" })).Name;
        _values["seeded/m2mApp"] = _m2m.Id;
        _values["spare/m2mApp"] = _values["/api/roles/{id}/applications/{applicationId} {applicationId}"] = await M2mAppAsync("batch job");
        _values["spare2/m2mApp"] = await M2mAppAsync("sync job");
    }

    /// <summary>A resource with scopes; roles: a user role with a resource scope, an M2M role given to the M2M app; consent scopes.</summary>
    private async Task ResourcesAndRolesAsync()
    {
        var resource = await client.Resources.PostAsync(new CreateResourceRequest { Name = $"live {tag} orders", Indicator = $"https://{tag}.example.com/api", AccessTokenTtl = 3600 });
        async Task<string> ScopeAsync(string name) => (await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = name, Description = $"Scope {name}" })).Id;
        _scope = await client.Resources[resource.Id].Scopes.PostAsync(new CreateScopeRequest { Name = "read:orders", Description = "Read orders" });
        await ScopeAsync("write:orders");
        _values["resources/{id}"] = _values["resources/{resourceId}"] = resource.Id;
        _values["scopes/{scopeId}"] = _values["resource-scopes/{scopeId}"] = _values["seeded/scope"] = _scope.Id;
        _values["/api/resources/{resourceId}/scopes/{scopeId} {scopeId}"] = await ScopeAsync("archive:orders");
        _values["spare/scope"] = await ScopeAsync("refund:orders");
        _values["spare2/scope"] = await ScopeAsync("export:orders");

        _userRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-viewer", Description = "Views orders", Type = RoleType.User, ScopeIds = [_scope.Id] });
        var m2mRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-service", Description = "Order service", Type = RoleType.MachineToMachine, ScopeIds = [_scope.Id] });
        await client.Applications[_m2m.Id].Roles.PostAsync(new RoleIdsRequest { RoleIds = [m2mRole.Id] });
        _values["roles/{id}"] = _values["seeded/role"] = _userRole.Id;
        _values["seeded/m2mRole"] = m2mRole.Id;
        foreach (var key in new[] { "/api/applications/{applicationId}/roles/{roleId} {roleId}", "/api/roles/{id}/applications {id}", "/api/roles/{id}/applications/{applicationId} {id}" })
        {
            _values[key] = m2mRole.Id;
        }

        async Task<string> RoleAsync(string name, RoleType type) => (await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-{name}", Description = $"Role {name}", Type = type })).Id;
        _values["spare/role"] = await RoleAsync("auditor", RoleType.User);
        _values["spare2/role"] = await RoleAsync("support", RoleType.User);
        _values["spare/m2mRole"] = await RoleAsync("batch", RoleType.MachineToMachine);
        _values["spare2/m2mRole"] = await RoleAsync("sync", RoleType.MachineToMachine);

        // The PUT of a user's roles adds the second spare role; deleting that one leaves the seeded relation to the role's own DELETE.
        _values["/api/users/{userId}/roles/{roleId} {roleId}"] = _values["spare2/role"];

        await client.Applications[_thirdParty.Id].UserConsentScopes.PostAsync(new UserConsentScopesRequest { ResourceScopes = [_scope.Id] });
        await client.Cimd.UserConsentScopes.PostAsync(new UserConsentScopesRequest { ResourceScopes = [_scope.Id] });
        foreach (var template in new[] { "/api/applications/{applicationId}/user-consent-scopes/{scopeType}/{scopeId}", "/api/cimd/user-consent-scopes/{scopeType}/{scopeId}" })
        {
            _values[template + " {scopeType}"] = "resource-scopes";
            _values[template + " {scopeId}"] = _scope.Id;
        }
    }

    /// <summary>Users with profiles, custom data, a role, a social identity, MFA and a personal access token; spare users.</summary>
    private async Task UsersAsync()
    {
        _user = await client.Users.PostAsync(new CreateUserRequest
        {
            Username = $"live_{tag}_ada",
            PrimaryEmail = $"ada.{tag}@example.com",
            Password = $"Correct-horse-{tag}-9",
            Name = "Ada Lovelace",
            Avatar = "https://example.com/ada.png",
            CustomData = new JsonObject { ["plan"] = "pro", ["seats"] = 5 },
            Profile = new UserProfile { GivenName = "Ada", FamilyName = "Lovelace", Locale = "en-GB", Website = "https://example.com/ada" },
        });
        _second = await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_grace", Name = "Grace Hopper", PrimaryEmail = $"grace.{tag}@example.com" });
        await client.Users[_user.Id].Roles.PostAsync(new RoleIdsRequest { RoleIds = [_userRole.Id] });
        await client.Users[_user.Id].Identities["github"].PutAsync(new UserIdentity { UserId = $"gh-{tag}", Details = new JsonObject { ["email"] = $"ada.{tag}@example.com" } });
        await client.Users[_user.Id].MfaVerifications.PostAsync(new CreateUserMfaVerificationRequest(new CreateUserMfaVerificationTotpRequest()));
        var token = await client.Users[_user.Id].PersonalAccessTokens.PostAsync(new CreateSecretRequest { Name = $"live-{tag}-pat" });
        _values["users/{userId}"] = _values["users/{id}"] = _values["seeded/user"] = _user.Id;
        _values["identities/{target}"] = "github";
        _values["personal-access-tokens/{name}"] = token.Name;
        _values["mfa-verifications/{verificationId}"] = (await client.Users[_user.Id].MfaVerifications.GetAsync()).First().Id;
        _values["spare/user"] = (await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_alan", Name = "Alan Turing" })).Id;
        _values["spare2/user"] = (await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_katherine", Name = "Katherine Johnson" })).Id;
    }

    /// <summary>An organization with members, roles, scopes, an application, an invitation and JIT settings; spare roles and scopes.</summary>
    private async Task OrganizationAsync()
    {
        var orgScope = await client.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:read", Description = "Read the organization" });
        var orgRole = await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-member", OrganizationScopeIds = [orgScope.Id], ResourceScopeIds = [_scope.Id] });
        var orgAppRole = await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-app", Type = RoleType.MachineToMachine, OrganizationScopeIds = [orgScope.Id] });
        var organization = await client.Organizations.PostAsync(new CreateOrganizationRequest
        {
            Name = $"Live {tag} Ltd",
            Description = "An organization of the live tests",
            CustomData = new JsonObject { ["region"] = "eu" },
        });
        await client.Organizations[organization.Id].Users.PostAsync(new UserIdsRequest { UserIds = [_user.Id, _second.Id] });
        await client.Organizations[organization.Id].Users[_user.Id].Roles.PostAsync(new OrganizationRolesRequest { OrganizationRoleIds = [orgRole.Id] });
        await client.Organizations[organization.Id].Applications.PostAsync(new ApplicationIdsRequest { ApplicationIds = [_m2m.Id] });
        await client.Organizations[organization.Id].Jit.EmailDomains.PostAsync(new CreateOrganizationJitEmailDomainRequest { EmailDomain = $"{tag}.example.com" });
        await client.Organizations[organization.Id].Jit.Roles.PostAsync(new OrganizationRoleIdsRequest { OrganizationRoleIds = [orgRole.Id] });
        var invitation = await client.OrganizationInvitations.PostAsync(new CreateOrganizationInvitationRequest
        {
            Invitee = $"new.{tag}@example.com",
            OrganizationId = organization.Id,
            InviterId = _user.Id,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            OrganizationRoleIds = [orgRole.Id],
        });

        _values["organizations/{id}"] = _values["consent-organizations/{organizationId}"] = organization.Id;
        _values["seeded/organization"] = _values["spare/organization"] = organization.Id;
        _values["spare2/organization"] = (await client.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} Partners" })).Id;
        _values["organization-roles/{id}"] = _values["seeded/orgRole"] = orgRole.Id;
        _values["/api/organizations/{id}/jit/roles/{organizationRoleId} {organizationRoleId}"] = orgRole.Id;
        _values["/api/organizations/{id}/users/{userId}/roles/{organizationRoleId} {organizationRoleId}"] = orgRole.Id;
        _values["roles/{organizationRoleId}"] = _values["seeded/orgAppRole"] = orgAppRole.Id;
        _values["organization-scopes/{id}"] = _values["scopes/{organizationScopeId}"] = _values["seeded/orgScope"] = orgScope.Id;
        _values["organization-invitations/{id}"] = invitation.Id;
        _values["email-domains/{emailDomain}"] = $"{tag}.example.com";

        async Task<string> OrgRoleAsync(string name, RoleType type) => (await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-{name}", Type = type })).Id;
        async Task<string> OrgScopeAsync(string name) => (await client.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:{name}" })).Id;
        _values["spare/orgRole"] = await OrgRoleAsync("admin", RoleType.User);
        _values["spare2/orgRole"] = await OrgRoleAsync("guest", RoleType.User);
        _values["spare/orgAppRole"] = await OrgRoleAsync("app-reader", RoleType.MachineToMachine);
        _values["spare2/orgAppRole"] = await OrgRoleAsync("app-writer", RoleType.MachineToMachine);
        _values["spare/orgScope"] = await OrgScopeAsync("write");
        _values["spare2/orgScope"] = await OrgScopeAsync("admin");
    }

    /// <summary>A SAML application with an ACS URL, an active secret and an inactive one (Logto refuses to delete the active one).</summary>
    private async Task SamlApplicationAsync()
    {
        var saml = await client.SamlApplications.PostAsync(new CreateSamlApplicationRequest
        {
            Name = $"live {tag} SAML",
            Description = "A SAML service provider of the live tests",
            EntityId = $"https://{tag}.example.com/saml",
            AcsUrl = new AcsUrl { Binding = AcsUrlBinding.UrnOasisNamesTcSAML20BindingsHTTPPOST, Url = $"https://{tag}.example.com/saml/acs" },
        });
        _values["saml-applications/{id}"] = saml.Id;
        _values["secrets/{secretId}"] = (await client.SamlApplications[saml.Id].Secrets.PostAsync(new CreateSamlApplicationSecretRequest { LifeSpanInYears = 2 })).Id;
        _values["DELETE /api/saml-applications/{id}/secrets/{secretId} {secretId}"] = (await client.SamlApplications[saml.Id].Secrets.PostAsync(new CreateSamlApplicationSecretRequest { LifeSpanInYears = 1 })).Id;
    }

    /// <summary>A hook, custom phrases, sign-in experience settings, a custom profile field, and settings a bare server starts without.</summary>
    private async Task SettingsAsync()
    {
        _values["hooks/{id}"] = (await client.Hooks.PostAsync(new CreateHookRequest
        {
            Name = $"live {tag} hook",
            Events = [HookEvent.UserCreated, HookEvent.PostRegister],
            Config = new HookConfig { Url = $"https://{tag}.example.com/hooks/logto" },
        })).Id;
        await client.CustomPhrases["fr"].PutAsync(new Dictionary<string, JsonNode> { ["input"] = new JsonObject { ["username"] = "Nom d'utilisateur" } });
        _values["custom-phrases/{languageTag}"] = "fr";

        // The pwned-password check calls an external API, which a test network cannot reach.
        await client.SignInExp.PatchAsync(new UpdateSignInExpRequest
        {
            Color = new SignInExperienceColor { PrimaryColor = "#5d34f2", IsDarkModeEnabled = false, DarkPrimaryColor = "#8a6cf5" },
            PasswordPolicy = new UpdateSignInExpRequestPasswordPolicy { Rejects = new UpdateSignInExpRequestPasswordPolicyRejects { Pwned = false } },
        });
        _values["custom-profile-fields/{name}"] = (await client.CustomProfileFields.PostAsync(new CreateCustomProfileFieldRequest(new CreateCustomProfileFieldTextRequest
        {
            Name = $"live{tag}nickname",
            Label = "Nickname",
            Required = false,
            Config = new TextRequestConfig { Placeholder = "What friends call you", MaxLength = 40 },
        }))).Name;

        await client.Configs.Actions[ActionType.ActionPostSignIn].PutAsync(new ActionConfig { Script = "exports.handler = async () => {};", Enabled = false });
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
        _values["email-templates/{id}"] = (await client.EmailTemplates.GetAsync()).First(t => t.LanguageTag == "en" && t.TemplateType == TemplateType.SignIn).Id;
        var oneTimeToken = await client.OneTimeTokens.PostAsync(new AddOneTimeTokensRequest { Email = $"otp.{tag}@example.com", ExpiresIn = 3600 });
        _values["one-time-tokens/{id}"] = oneTimeToken.Id;
        _values["spare/oneTimeToken"] = oneTimeToken.Token;
        if ((await client.Logs.GetAsync(c => c.QueryParameters.PageSize = 1)).FirstOrDefault() is { } log)
        {
            _values["logs/{id}"] = log.Id;
        }

        // A cookie key made previous by a rotation, for the key deletion (the write crawl rotates the signing keys).
        var cookieKeys = await client.Configs.Oidc[OidcKeyKeyType.CookieKeys].Rotate.PostAsync(new RotateOidcKeysRequest());
        _values["DELETE /api/configs/oidc/{keyType}/{keyId} {keyType}"] = OidcKeyKeyType.CookieKeys.Value;
        _values["DELETE /api/configs/oidc/{keyType}/{keyId} {keyId}"] = cookieKeys.First(k => k.Status != OidcKeyStatus.Current).Id;

        // What every server has: the access token JWT customizer path, the signing key type, an action type.
        _values["jwt-customizer/{tokenTypePath}"] = "access-token";
        _values["oidc/{keyType}"] = "private-keys";
        _values["actions/{actionType}"] = ActionType.ActionPostSignIn.Value;
    }

    private async Task<string> M2mAppAsync(string name) =>
        (await client.Applications.PostAsync(new CreateApplicationRequest { Name = $"live {tag} {name}", Type = ApplicationType.MachineToMachine })).Id;
}
