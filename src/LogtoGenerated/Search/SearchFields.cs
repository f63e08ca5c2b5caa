namespace LogtoGenerated.Search;

/// <summary>
/// The fields Logto searches in user lists (<c>GET /api/users</c>, <c>GET /api/roles/{id}/users</c>), for
/// <see cref="LogtoSearch.Where(string)"/>. <see cref="LogtoSearch.WhereAnyField"/> searches all of them.
/// </summary>
public static class UserSearchFields
{
    /// <summary>The user id, <c>id</c>.</summary>
    public const string Id = "id";

    /// <summary>The primary email address, <c>primaryEmail</c>.</summary>
    public const string PrimaryEmail = "primaryEmail";

    /// <summary>The primary phone number, <c>primaryPhone</c> (digits with country code, as Logto stores it).</summary>
    public const string PrimaryPhone = "primaryPhone";

    /// <summary>The username, <c>username</c>.</summary>
    public const string Username = "username";

    /// <summary>The display name, <c>name</c>.</summary>
    public const string Name = "name";
}

/// <summary>
/// The fields Logto searches in role lists (<c>GET /api/roles</c>, <c>GET /api/users/{userId}/roles</c>,
/// <c>GET /api/applications/{applicationId}/roles</c>), for <see cref="LogtoSearch.Where(string)"/>.
/// </summary>
public static class RoleSearchFields
{
    /// <summary>The role id, <c>id</c>.</summary>
    public const string Id = "id";

    /// <summary>The role name, <c>name</c>.</summary>
    public const string Name = "name";

    /// <summary>The role description, <c>description</c>.</summary>
    public const string Description = "description";
}

/// <summary>
/// The fields Logto searches in application lists (<c>GET /api/applications</c>, <c>GET /api/roles/{id}/applications</c>),
/// for <see cref="LogtoSearch.Where(string)"/>.
/// </summary>
public static class ApplicationSearchFields
{
    /// <summary>The application id (client id), <c>id</c>.</summary>
    public const string Id = "id";

    /// <summary>The application name, <c>name</c>.</summary>
    public const string Name = "name";

    /// <summary>The application description, <c>description</c>.</summary>
    public const string Description = "description";
}

/// <summary>
/// The fields Logto searches in API resource scope lists (<c>GET /api/resources/{resourceId}/scopes</c>,
/// <c>GET /api/roles/{id}/scopes</c>), for <see cref="LogtoSearch.Where(string)"/>.
/// </summary>
public static class ScopeSearchFields
{
    /// <summary>The scope id, <c>id</c>.</summary>
    public const string Id = "id";

    /// <summary>The scope name (the permission, for example <c>read:orders</c>), <c>name</c>.</summary>
    public const string Name = "name";

    /// <summary>The scope description, <c>description</c>.</summary>
    public const string Description = "description";
}
