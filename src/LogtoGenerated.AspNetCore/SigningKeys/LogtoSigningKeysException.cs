namespace LogtoGenerated.AspNetCore.SigningKeys;

/// <summary>Logto's signing keys could not be read; the message says from where and why.</summary>
internal sealed class LogtoSigningKeysException : Exception
{
    public LogtoSigningKeysException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
