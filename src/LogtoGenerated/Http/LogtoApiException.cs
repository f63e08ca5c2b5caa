using System.Text.Json;

namespace LogtoGenerated.Http;

/// <summary>
/// Thrown for every unsuccessful response of the Logto Management API, and for a successful response whose
/// body cannot be read as the documented type. Carries Logto's error (<see cref="Code"/>,
/// <see cref="ErrorMessage"/>, <see cref="Details"/>, <see cref="ErrorData"/>) and the request id to quote to
/// Logto's support.
/// </summary>
/// <remarks>
/// The message never contains request headers, so access tokens cannot leak through it.
/// </remarks>
/// <example><code>
/// try { await client.Users[id].GetAsync(); }
/// catch (LogtoApiException e) when (e.IsNotFound) { /* no such user */ }
/// catch (LogtoApiException e) when (e.HasCode(LogtoErrorCodes.UserEmailAlreadyInUse)) { /* ask for another email */ }
/// </code></example>
public class LogtoApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>(0, StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an exception, for example to simulate a Logto error in a test.</summary>
    /// <param name="message">The full message, usually from the values below.</param>
    /// <param name="statusCode">The HTTP status, for example 404.</param>
    /// <param name="method">The HTTP method, for example <c>GET</c>.</param>
    /// <param name="pathTemplate">The documented path, for example <c>/api/users/{userId}</c>.</param>
    /// <param name="operationId">The operation's id, for example <c>GetUser</c>.</param>
    /// <param name="code">Logto's error code, for example <c>entity.not_found</c>.</param>
    /// <param name="errorMessage">Logto's error message.</param>
    /// <param name="details">Logto's error details.</param>
    /// <param name="errorData">Logto's error data (any JSON); cloned, so the caller may dispose its document.</param>
    /// <param name="requestId">The <c>Logto-Core-Request-Id</c> response header.</param>
    /// <param name="rawBody">The raw response body.</param>
    /// <param name="responseHeaders">The response headers (names case-insensitive).</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public LogtoApiException(
        string message,
        int statusCode,
        string method,
        string pathTemplate,
        string? operationId = null,
        string? code = null,
        string? errorMessage = null,
        string? details = null,
        JsonElement? errorData = null,
        string? requestId = null,
        string? rawBody = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? responseHeaders = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        StatusCode = statusCode;
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operationId;
        Code = code;
        ErrorMessage = errorMessage;
        Details = details;
        ErrorData = errorData?.Clone();
        RequestId = requestId;
        RawBody = rawBody;
        ResponseHeaders = responseHeaders ?? NoHeaders;
    }

    /// <summary>The HTTP status code, for example 404.</summary>
    public int StatusCode { get; }

    /// <summary>Logto's error code, for example <c>entity.not_found</c>; <see langword="null"/> when the body has none.</summary>
    public string? Code { get; }

    /// <summary>Logto's human-readable error message, for example <c>The resource does not exist.</c></summary>
    public string? ErrorMessage { get; }

    /// <summary>Logto's error details, for example which field of the body is invalid.</summary>
    public string? Details { get; }

    /// <summary>Logto's error data (any JSON), for example the validation issues of a <c>guard.invalid_input</c> error.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>The <c>Logto-Core-Request-Id</c> response header, which identifies the request in Logto's logs.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP method of the failed request, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The documented path of the failed operation, for example <c>/api/users/{userId}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The id of the failed operation, for example <c>GetUser</c>.</summary>
    public string? OperationId { get; }

    /// <summary>The raw response body (at most its first 64 KiB); <see langword="null"/> when it was not read.</summary>
    public string? RawBody { get; }

    /// <summary>The response and content headers, names case-insensitive; empty when unknown.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ResponseHeaders { get; }

    /// <summary>
    /// Whether Logto answered 404 Not Found: the entity does not exist (<c>entity.not_found</c>,
    /// <c>entity.not_exists_with_id</c>, ...), or the route does not (then <see cref="Code"/> is <see langword="null"/>:
    /// check the endpoint and its base path).
    /// </summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>
    /// Whether the request conflicts with what exists: 409 Conflict, or one of the codes Logto sends with 422 when a
    /// name, identifier or assignment is already taken (<c>user.username_already_in_use</c>,
    /// <c>user.email_already_in_use</c>, <c>user.phone_already_in_use</c>, <c>user.identity_already_in_use</c>,
    /// <c>user.role_exists</c>, <c>role.name_in_use</c>, <c>role.user_exists</c>, <c>role.application_exists</c>,
    /// <c>role.scope_exists</c>, <c>scope.name_exists</c>, <c>resource.resource_identifier_in_use</c>,
    /// <c>application.role_exists</c>, <c>application.secret_name_exists</c>, <c>entity.unique_integrity_violation</c>,
    /// and the other "already exists" codes of <see cref="LogtoErrorCodes"/>).
    /// </summary>
    /// <remarks>Other 422 answers (for example <c>user.invalid_role_type</c>) are not conflicts.</remarks>
    public bool IsConflict => StatusCode == 409 || (Code is not null && LogtoErrorCodes.IsConflictCode(Code));

    /// <summary>
    /// Whether Logto answered 401 Unauthorized: the access token is missing, malformed, expired or for another API
    /// (<c>auth.unauthorized</c>, <c>auth.authorization_header_missing</c>, ...). <see cref="ErrorData"/> often says why.
    /// </summary>
    public bool IsUnauthorized => StatusCode == 401;

    /// <summary>Whether Logto answered 403 Forbidden: the token is valid but lacks the permission (<c>auth.forbidden</c>).</summary>
    public bool IsForbidden => StatusCode == 403;

    /// <summary>Whether Logto answered 429 Too Many Requests: wait before trying again (see the <c>Retry-After</c> response header, if any).</summary>
    public bool IsRateLimited => StatusCode == 429;

    /// <summary>
    /// Whether Logto refused the request's input as invalid: 400 with <c>guard.invalid_input</c> (the body, query
    /// or path failed validation; <see cref="Details"/> names the field, <see cref="ErrorData"/> holds the issues),
    /// <c>guard.invalid_pagination</c> or <c>request.invalid_input</c> (for example an invalid advanced search).
    /// </summary>
    public bool IsValidationError => StatusCode == 400 && Code is not null && LogtoErrorCodes.IsValidationCode(Code);

    /// <summary>Whether Logto's error code is <paramref name="code"/> (ordinal comparison).</summary>
    /// <param name="code">A code such as <see cref="LogtoErrorCodes.UserEmailAlreadyInUse"/> (<c>user.email_already_in_use</c>).</param>
    /// <returns><see langword="true"/> when <see cref="Code"/> equals <paramref name="code"/>.</returns>
    /// <example><code>catch (LogtoApiException e) when (e.HasCode(LogtoErrorCodes.UserUsernameAlreadyInUse)) { ... }</code></example>
    public bool HasCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Equals(Code, code, StringComparison.Ordinal);
    }
}
