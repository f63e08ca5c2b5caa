namespace LogtoGenerated.Authentication;

/// <summary>
/// Thrown when no usable access token could be obtained from Logto's token endpoint: Logto refused the
/// credentials or the resource, did not grant a requested scope, answered something that is not a token, or could
/// not be reached. The message says what to check.
/// </summary>
/// <remarks>The message and properties never contain the client secret or a token.</remarks>
public sealed class LogtoTokenException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to check.</param>
    /// <param name="tokenEndpoint">The token endpoint that was called.</param>
    /// <param name="clientId">The M2M application id.</param>
    /// <param name="resource">The requested resource indicator.</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="error">The OAuth <c>error</c>, for example <c>invalid_client</c>.</param>
    /// <param name="errorDescription">The OAuth <c>error_description</c>.</param>
    /// <param name="code">Logto's error <c>code</c>, for example <c>oidc.invalid_client</c>.</param>
    /// <param name="requestId">The <c>Logto-Core-Request-Id</c> response header.</param>
    /// <param name="missingScopes">Requested scopes the token lacks.</param>
    /// <param name="innerException">The cause, for example a connection failure.</param>
    public LogtoTokenException(
        string message,
        Uri tokenEndpoint,
        string clientId,
        string resource,
        int? statusCode = null,
        string? error = null,
        string? errorDescription = null,
        string? code = null,
        string? requestId = null,
        IReadOnlyList<string>? missingScopes = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(resource);
        TokenEndpoint = tokenEndpoint;
        ClientId = clientId;
        Resource = resource;
        StatusCode = statusCode;
        Error = error;
        ErrorDescription = errorDescription;
        Code = code;
        RequestId = requestId;
        MissingScopes = missingScopes ?? [];
    }

    /// <summary>The token endpoint that was called.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The M2M application id (not secret).</summary>
    public string ClientId { get; }

    /// <summary>The requested resource indicator; for an organization token, its audience <c>urn:logto:organization:{id}</c>.</summary>
    public string Resource { get; }

    /// <summary>The HTTP status of the token response; <see langword="null"/> when none arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth <c>error</c>, for example <c>invalid_client</c> or <c>invalid_target</c>.</summary>
    public string? Error { get; }

    /// <summary>The OAuth <c>error_description</c>, for example <c>client secret has expired</c>.</summary>
    public string? ErrorDescription { get; }

    /// <summary>Logto's error <c>code</c>, for example <c>oidc.invalid_client</c>.</summary>
    public string? Code { get; }

    /// <summary>The <c>Logto-Core-Request-Id</c> response header, which identifies the request in Logto's logs.</summary>
    public string? RequestId { get; }

    /// <summary>The organization the token was requested for (<see cref="LogtoClientCredentialsOptions.OrganizationId"/>), if any.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Requested scopes the issued token lacks (Logto leaves out scopes the application has no role for).</summary>
    public IReadOnlyList<string> MissingScopes { get; }

    /// <summary>
    /// Whether the failure may pass by itself: Logto could not be reached or did not answer in time, or answered
    /// <c>429</c>, <c>502</c>, <c>503</c> or <c>504</c>. A call whose token request failed this way was not sent, so
    /// the client retries it (whatever its method) as its <c>LogtoRetryOptions</c> allow.
    /// </summary>
    public bool IsTransient => Http.TransientFailure.IsTransientTokenFailure(StatusCode, InnerException);
}
