namespace LogtoGenerated.Kiota.DependencyInjection;

/// <summary>The names of the <see cref="HttpClient"/>s that <c>AddLogtoKiotaClient</c> registers for a client name.</summary>
internal static class LogtoKiotaHttpClientNames
{
    /// <summary>The client's requests to the API, through Kiota's handlers and <see cref="LogtoTokenRefreshHandler"/>.</summary>
    public static string Api(string name) => "LogtoGenerated.Kiota:" + name;

    /// <summary>The token requests to Logto, without Kiota's handlers.</summary>
    public static string Tokens(string name) => "LogtoGenerated.Kiota.Tokens:" + name;
}
