using Microsoft.Kiota.Abstractions;

namespace LogtoGenerated.Kiota;

/// <summary>
/// Marks a Kiota request that <see cref="LogtoKiotaAuthenticationProvider"/> gave a Logto token, so that
/// <see cref="LogtoTokenRefreshHandler"/> replays after a <c>401</c> only what carried a token of ours (never a request
/// whose <c>Authorization</c> header the caller set). Kiota hands request options to the handlers in
/// <see cref="HttpRequestMessage.Options"/>, keyed by the option type's full name.
/// </summary>
internal sealed class LogtoTokenOption : IRequestOption
{
    private static readonly LogtoTokenOption Instance = new();

    /// <summary>The one marker, as <see cref="RequestInformation.AddRequestOptions"/> takes it.</summary>
    public static readonly IRequestOption[] Instances = [Instance];

    /// <summary>The key Kiota stores the marker under in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(LogtoTokenOption).FullName!);

    private LogtoTokenOption()
    {
    }

    /// <summary>Whether Kiota's request message carries the marker.</summary>
    public static bool IsOn(HttpRequestMessage request) => request.Options.TryGetValue(Key, out IRequestOption? option) && option is LogtoTokenOption;
}
