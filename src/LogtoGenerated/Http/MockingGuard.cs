namespace LogtoGenerated.Http;

/// <summary>
/// The error of a client or request builder made with its protected constructor (for mocking) when a member that
/// was not overridden needs the request adapter it does not have.
/// </summary>
internal static class MockingGuard
{
    /// <summary>The exception to throw, naming the type and what to do.</summary>
    /// <param name="typeName">The client's or builder's type name.</param>
    public static InvalidOperationException NoRequestAdapter(string typeName) => new(
        $"This {typeName} was created with the protected constructor for mocking and has no request adapter; " +
        $"override the members you call, or create it with a {nameof(LogtoRequestAdapter)}.");
}
