// The types of client-credentials authentication moved to the LogtoGenerated.Authentication package (same names, same
// namespaces): applications compiled against an earlier LogtoGenerated find them there without being rebuilt.
using System.Runtime.CompilerServices;
using LogtoGenerated.Authentication;
using LogtoGenerated.Diagnostics;

[assembly: TypeForwardedTo(typeof(IAuthenticationProvider))]
[assembly: TypeForwardedTo(typeof(ClientCredentialsAuthenticationProvider))]
[assembly: TypeForwardedTo(typeof(LogtoAccessToken))]
[assembly: TypeForwardedTo(typeof(LogtoClientCredentialsHandler))]
[assembly: TypeForwardedTo(typeof(LogtoClientCredentialsOptions))]
[assembly: TypeForwardedTo(typeof(LogtoTokenCache))]
[assembly: TypeForwardedTo(typeof(LogtoTokenException))]
[assembly: TypeForwardedTo(typeof(LogtoDiagnostics))]
