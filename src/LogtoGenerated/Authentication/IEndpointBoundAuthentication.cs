namespace LogtoGenerated.Authentication;

/// <summary>
/// A provider whose allowed hosts default to the Logto endpoint it serves: the request adapter binds it to its
/// endpoint when it is given one, so that a provider created without a host list never means "any host".
/// </summary>
internal interface IEndpointBoundAuthentication
{
    /// <summary>This provider when it has its own hosts; otherwise a copy that allows only <paramref name="endpoint"/>'s host and port.</summary>
    IAuthenticationProvider ForEndpoint(Uri endpoint);
}
