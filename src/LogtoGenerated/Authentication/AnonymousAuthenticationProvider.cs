namespace LogtoGenerated.Authentication;

/// <summary>
/// An <see cref="IAuthenticationProvider"/> that adds no credentials, for endpoints that need none
/// and for tests.
/// </summary>
public sealed class AnonymousAuthenticationProvider : IAuthenticationProvider
{
    private AnonymousAuthenticationProvider()
    {
    }

    /// <summary>The single instance.</summary>
    public static AnonymousAuthenticationProvider Instance { get; } = new();

    /// <inheritdoc/>
    public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return default;
    }

    /// <inheritdoc/>
    public override string ToString() => nameof(AnonymousAuthenticationProvider);
}
