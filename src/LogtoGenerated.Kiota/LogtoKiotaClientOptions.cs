using LogtoGenerated.Authentication;

namespace LogtoGenerated.Kiota;

/// <summary>
/// The options of a Kiota client registered with <c>AddLogtoKiotaClient</c>: the Logto M2M application's credentials and
/// the API resource (as <see cref="LogtoClientCredentialsOptions"/>), and the API's base URL.
/// </summary>
/// <remarks><see cref="LogtoClientCredentialsOptions.ToString"/> never shows the secret.</remarks>
public class LogtoKiotaClientOptions : LogtoClientCredentialsOptions
{
    /// <summary>
    /// The API's base URL, for example <c>https://api.shopping.example</c>: Kiota's <c>IRequestAdapter.BaseUrl</c>.
    /// When <see langword="null"/>, the client uses the server URL of its OpenAPI document.
    /// </summary>
    public Uri? BaseUrl { get; set; }
}
