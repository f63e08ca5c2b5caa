using LogtoGenerated.RequestBuilders.Applications;
using LogtoGenerated.RequestBuilders.Applications.Item.Roles;
using LogtoGenerated.RequestBuilders.Resources.Item.Scopes;
using LogtoGenerated.RequestBuilders.Roles;
using LogtoGenerated.RequestBuilders.Roles.Item.Applications;
using LogtoGenerated.RequestBuilders.Roles.Item.Scopes;
using LogtoGenerated.RequestBuilders.Roles.Item.Users;
using LogtoGenerated.RequestBuilders.Users;
using LogtoGenerated.RequestBuilders.Users.Item.Roles;

namespace LogtoGenerated.Search;

/// <summary>
/// Sets a <see cref="LogtoSearch"/> on the query parameters of the list operations that take Logto's advanced
/// search (<c>search_params</c>), through their <c>SearchParams</c> dictionary.
/// </summary>
/// <remarks>
/// A dictionary cannot hold a repeated key, so a search with several values for one field
/// (<see cref="SearchConditionBuilder.OneOf"/>) is refused here with an <see cref="InvalidOperationException"/>.
/// </remarks>
/// <example><code>
/// var users = await client.Users.GetAsync(c => c.QueryParameters.SetSearch(
///     LogtoSearch.Where(UserSearchFields.PrimaryEmail).EndsWith("@example.com")));
/// </code></example>
public static class LogtoSearchExtensions
{
    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListUsers</c> (<c>GET /api/users</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="UserSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListUsersQueryParameters SetSearch(
        this ListUsersQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListRoleUsers</c> (<c>GET /api/roles/{id}/users</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="UserSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListRoleUsersQueryParameters SetSearch(
        this ListRoleUsersQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListRoles</c> (<c>GET /api/roles</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="RoleSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListRolesQueryParameters SetSearch(
        this ListRolesQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListUserRoles</c> (<c>GET /api/users/{userId}/roles</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="RoleSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListUserRolesQueryParameters SetSearch(
        this ListUserRolesQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListApplicationRoles</c> (<c>GET /api/applications/{applicationId}/roles</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="RoleSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListApplicationRolesQueryParameters SetSearch(
        this ListApplicationRolesQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListApplications</c> (<c>GET /api/applications</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="ApplicationSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListApplicationsQueryParameters SetSearch(
        this ListApplicationsQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListRoleApplications</c> (<c>GET /api/roles/{id}/applications</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="ApplicationSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListRoleApplicationsQueryParameters SetSearch(
        this ListRoleApplicationsQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListResourceScopes</c> (<c>GET /api/resources/{resourceId}/scopes</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="ScopeSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListResourceScopesQueryParameters SetSearch(
        this ListResourceScopesQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with <c>ListRoleScopes</c> (<c>GET /api/roles/{id}/scopes</c>): replaces <c>SearchParams</c> with
    /// its parameters. Searchable fields: <see cref="ScopeSearchFields"/>.
    /// </summary>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The search has a condition with several values, or uses <c>similar_to</c> without being case-sensitive.</exception>
    public static ListRoleScopesQueryParameters SetSearch(
        this ListRoleScopesQueryParameters query, LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.SearchParams = ToSearchParams(search);
        return query;
    }

    /// <summary>
    /// Sends <paramref name="search"/> with an operation whose query class takes a <see cref="LogtoSearch"/>
    /// directly (<see cref="ISearchableQueryParameters"/>), which also writes several values for one field.
    /// </summary>
    /// <typeparam name="TQueryParameters">The operation's query parameter class.</typeparam>
    /// <param name="query">The operation's query parameters.</param>
    /// <param name="search">The search, or <see langword="null"/> for none.</param>
    /// <returns><paramref name="query"/>, for chaining.</returns>
    public static TQueryParameters SetSearch<TQueryParameters>(this TQueryParameters query, LogtoSearch? search)
        where TQueryParameters : ISearchableQueryParameters
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Search = search;
        return query;
    }

    private static Dictionary<string, string> ToSearchParams(LogtoSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return search.ToSearchParams();
    }
}
