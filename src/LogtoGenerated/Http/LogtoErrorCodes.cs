namespace LogtoGenerated.Http;

/// <summary>
/// Well-known values of <see cref="LogtoApiException.Code"/>: Logto's error codes (from its
/// <c>packages/phrases</c> error phrases), with the HTTP status Logto's Management API sends them with.
/// </summary>
/// <remarks>
/// Codes are stable identifiers, unlike messages, which Logto may reword or translate. Compare with
/// <see cref="LogtoApiException.HasCode(string)"/>. Logto has many more codes; any of them can be compared as a string.
/// </remarks>
/// <example><code>
/// catch (LogtoApiException e) when (e.HasCode(LogtoErrorCodes.UserEmailAlreadyInUse)) { /* ask for another email */ }
/// </code></example>
public static class LogtoErrorCodes
{
    // Authentication and authorization of the Management API call itself.

    /// <summary><c>auth.authorization_header_missing</c> (401): the request had no <c>Authorization</c> header.</summary>
    public const string AuthAuthorizationHeaderMissing = "auth.authorization_header_missing";

    /// <summary><c>auth.authorization_token_type_not_supported</c> (401): the <c>Authorization</c> header is not <c>Bearer</c>.</summary>
    public const string AuthAuthorizationTokenTypeNotSupported = "auth.authorization_token_type_not_supported";

    /// <summary>
    /// <c>auth.unauthorized</c> (401): the access token was refused (expired, bad signature, wrong audience...);
    /// <see cref="LogtoApiException.ErrorData"/> says why, for example <c>{"code":"ERR_JWT_EXPIRED"}</c>.
    /// </summary>
    public const string AuthUnauthorized = "auth.unauthorized";

    /// <summary><c>auth.forbidden</c> (403): the token lacks the permission (for example the <c>all</c> scope of the Management API).</summary>
    public const string AuthForbidden = "auth.forbidden";

    /// <summary><c>auth.expected_role_not_found</c> (403): the caller does not have a role the operation needs.</summary>
    public const string AuthExpectedRoleNotFound = "auth.expected_role_not_found";

    // Request validation.

    /// <summary>
    /// <c>guard.invalid_input</c> (400): the body, query or path failed validation; <see cref="LogtoApiException.Details"/>
    /// names the field and <see cref="LogtoApiException.ErrorData"/> holds the validation issues.
    /// </summary>
    public const string GuardInvalidInput = "guard.invalid_input";

    /// <summary><c>guard.invalid_pagination</c> (400): <c>page</c> is below 1 or <c>page_size</c> is outside 1 to 100.</summary>
    public const string GuardInvalidPagination = "guard.invalid_pagination";

    /// <summary>
    /// <c>request.invalid_input</c> (400): an input Logto checks itself was refused, for example an invalid advanced
    /// search; <see cref="LogtoApiException.Details"/> says what.
    /// </summary>
    public const string RequestInvalidInput = "request.invalid_input";

    /// <summary><c>request.rate_limited</c> (429): too many requests; try again later.</summary>
    public const string RequestRateLimited = "request.rate_limited";

    // Entities in general.

    /// <summary><c>entity.not_found</c> (404): the entity does not exist, for example <c>GET /api/users/{userId}</c> with an unknown id.</summary>
    public const string EntityNotFound = "entity.not_found";

    /// <summary><c>entity.not_exists</c> (404): the named entity does not exist.</summary>
    public const string EntityNotExists = "entity.not_exists";

    /// <summary><c>entity.not_exists_with_id</c> (404): no entity with that id, for example <c>GET /api/applications/{id}</c>.</summary>
    public const string EntityNotExistsWithId = "entity.not_exists_with_id";

    /// <summary><c>entity.unique_integrity_violation</c> (422): the entity already exists, for example an organization role or member added twice.</summary>
    public const string EntityUniqueIntegrityViolation = "entity.unique_integrity_violation";

    /// <summary><c>entity.relation_foreign_key_not_found</c> (422): an id in the request refers to an entity that does not exist.</summary>
    public const string EntityRelationForeignKeyNotFound = "entity.relation_foreign_key_not_found";

    /// <summary><c>entity.create_failed</c>: Logto could not create the entity.</summary>
    public const string EntityCreateFailed = "entity.create_failed";

    // Users.

    /// <summary><c>user.username_already_in_use</c> (422): another user has this username.</summary>
    public const string UserUsernameAlreadyInUse = "user.username_already_in_use";

    /// <summary><c>user.email_already_in_use</c> (422): another user has this email address.</summary>
    public const string UserEmailAlreadyInUse = "user.email_already_in_use";

    /// <summary><c>user.phone_already_in_use</c> (422): another user has this phone number.</summary>
    public const string UserPhoneAlreadyInUse = "user.phone_already_in_use";

    /// <summary><c>user.identity_already_in_use</c> (422): the social identity is linked to another user.</summary>
    public const string UserIdentityAlreadyInUse = "user.identity_already_in_use";

    /// <summary><c>user.role_exists</c> (422): the role is already assigned to the user.</summary>
    public const string UserRoleExists = "user.role_exists";

    /// <summary><c>user.invalid_role_type</c> (422): a machine-to-machine role cannot be assigned to a user.</summary>
    public const string UserInvalidRoleType = "user.invalid_role_type";

    /// <summary><c>user.cannot_delete_self</c> (400): the caller tried to delete its own user.</summary>
    public const string UserCannotDeleteSelf = "user.cannot_delete_self";

    /// <summary><c>user.password_and_digest</c> (400): a plain password and a password digest were both given.</summary>
    public const string UserPasswordAndDigest = "user.password_and_digest";

    /// <summary><c>user.password_algorithm_required</c> (400): a password digest was given without its algorithm.</summary>
    public const string UserPasswordAlgorithmRequired = "user.password_algorithm_required";

    /// <summary><c>user.personal_access_token_name_exists</c> (422): the user already has a personal access token with this name.</summary>
    public const string UserPersonalAccessTokenNameExists = "user.personal_access_token_name_exists";

    // Roles and scopes.

    /// <summary><c>role.name_in_use</c> (422): another role has this name.</summary>
    public const string RoleNameInUse = "role.name_in_use";

    /// <summary><c>role.user_exists</c> (422): the user already has the role.</summary>
    public const string RoleUserExists = "role.user_exists";

    /// <summary><c>role.application_exists</c> (422): the application already has the role.</summary>
    public const string RoleApplicationExists = "role.application_exists";

    /// <summary><c>role.scope_exists</c> (422): the scope is already in the role.</summary>
    public const string RoleScopeExists = "role.scope_exists";

    /// <summary><c>role.management_api_scopes_not_assignable_to_user_role</c>: Management API scopes cannot be put in a user role.</summary>
    public const string RoleManagementApiScopesNotAssignableToUserRole = "role.management_api_scopes_not_assignable_to_user_role";

    /// <summary><c>role.default_role_missing</c>: a default role name does not exist.</summary>
    public const string RoleDefaultRoleMissing = "role.default_role_missing";

    /// <summary><c>scope.name_exists</c> (422): the API resource already has a scope with this name.</summary>
    public const string ScopeNameExists = "scope.name_exists";

    /// <summary><c>resource.resource_identifier_in_use</c> (422): another API resource has this indicator.</summary>
    public const string ResourceIdentifierInUse = "resource.resource_identifier_in_use";

    // Applications.

    /// <summary><c>application.role_exists</c> (422): the role is already assigned to the application.</summary>
    public const string ApplicationRoleExists = "application.role_exists";

    /// <summary><c>application.invalid_type</c>: only machine-to-machine applications can have roles.</summary>
    public const string ApplicationInvalidType = "application.invalid_type";

    /// <summary><c>application.invalid_role_type</c>: a user role cannot be assigned to a machine-to-machine application.</summary>
    public const string ApplicationInvalidRoleType = "application.invalid_role_type";

    /// <summary><c>application.secret_name_exists</c> (422): the application already has a secret with this name.</summary>
    public const string ApplicationSecretNameExists = "application.secret_name_exists";

    // Domains and single sign-on.

    /// <summary><c>domain.hostname_already_exists</c> (422): the custom domain is already registered.</summary>
    public const string DomainHostnameAlreadyExists = "domain.hostname_already_exists";

    /// <summary><c>single_sign_on.duplicate_connector_name</c>: another enterprise SSO connector has this name.</summary>
    public const string SingleSignOnDuplicateConnectorName = "single_sign_on.duplicate_connector_name";

    // Organizations.

    /// <summary><c>organization.require_membership</c>: the user must be a member of the organization first.</summary>
    public const string OrganizationRequireMembership = "organization.require_membership";

    /// <summary>
    /// Whether <paramref name="code"/> says the entity (or assignment) already exists: the codes Logto sends with
    /// 422 when a name, identifier or membership is taken.
    /// </summary>
    internal static bool IsConflictCode(string code) => code switch
    {
        EntityUniqueIntegrityViolation
            or UserUsernameAlreadyInUse
            or UserEmailAlreadyInUse
            or UserPhoneAlreadyInUse
            or UserIdentityAlreadyInUse
            or UserRoleExists
            or RoleNameInUse
            or RoleUserExists
            or RoleApplicationExists
            or RoleScopeExists
            or ScopeNameExists
            or ResourceIdentifierInUse
            or ApplicationRoleExists
            or ApplicationSecretNameExists
            or UserPersonalAccessTokenNameExists
            or DomainHostnameAlreadyExists
            or SingleSignOnDuplicateConnectorName => true,
        _ => false,
    };

    /// <summary>Whether <paramref name="code"/> is one of Logto's request validation codes.</summary>
    internal static bool IsValidationCode(string code) =>
        code is GuardInvalidInput or GuardInvalidPagination or RequestInvalidInput;
}
