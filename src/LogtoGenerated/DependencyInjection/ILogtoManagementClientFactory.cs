namespace LogtoGenerated.DependencyInjection;

/// <summary>
/// Creates <see cref="LogtoManagementClient"/> instances registered with <c>AddLogtoManagementClient</c>, by name,
/// for applications that talk to several Logto tenants or applications side by side.
/// </summary>
public interface ILogtoManagementClientFactory
{
    /// <summary>Creates the client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddLogtoManagementClient</c>; empty for the unnamed registration.</param>
    /// <returns>A client; clients of one name share one token cache, so creating them is cheap.</returns>
    /// <exception cref="InvalidOperationException">No client was registered under <paramref name="name"/>.</exception>
    LogtoManagementClient CreateClient(string name);
}
