using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LogtoGenerated.Authentication;

/// <summary>
/// Names and seals the shared-cache entry of one token (token endpoint, client id, resource, scopes) with keys derived
/// from the client secret, so that only processes holding the secret can find or read the token, and two apps or two
/// secrets of one app never share an entry.
/// </summary>
/// <remarks>
/// HKDF-SHA256 over the secret (salted with a fixed label) gives two independent keys, each bound to the token's
/// identity: one names the entry (<see cref="CacheKey"/>), one encrypts it with AES-256-GCM. The entry name is
/// authenticated as associated data, so an entry copied under another name does not decrypt. The secret and the
/// keys are never printed.
/// </remarks>
internal sealed class SharedTokenProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string KeyPrefix = "LogtoGenerated:token:v1:";

    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("LogtoGenerated shared token cache v1");

    private readonly byte[] _encryptionKey;
    private readonly string? _organizationId;
    private readonly byte[] _associatedData;

    private SharedTokenProtector(string cacheKey, byte[] encryptionKey, string? organizationId)
    {
        _organizationId = organizationId;
        CacheKey = cacheKey;
        _encryptionKey = encryptionKey;
        _associatedData = Encoding.UTF8.GetBytes(cacheKey);
    }

    /// <summary>The entry's name in the shared cache: a prefix and 64 hex digits that reveal nothing of what they name.</summary>
    public string CacheKey { get; }

    /// <summary>Derives the keys of one token identity from the secret.</summary>
    public static SharedTokenProtector Create(string secret, TokenCacheKey identity)
    {
        byte[] material = Encoding.UTF8.GetBytes(secret);
        byte[] pseudoRandomKey = HKDF.Extract(HashAlgorithmName.SHA256, material, Salt);
        string scope = identity.TokenEndpoint + "\n" + identity.ClientId + "\n" + identity.Resource + "\n" + identity.Scopes
            + (identity.OrganizationId is null ? "" : "\norganization " + identity.OrganizationId);
        byte[] name = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 32, Encoding.UTF8.GetBytes("entry name\n" + scope));
        byte[] encryptionKey = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 32, Encoding.UTF8.GetBytes("encryption\n" + scope));
        CryptographicOperations.ZeroMemory(material);
        CryptographicOperations.ZeroMemory(pseudoRandomKey);
        return new SharedTokenProtector(KeyPrefix + Convert.ToHexString(name).ToLowerInvariant(), encryptionKey, identity.OrganizationId);
    }

    /// <summary>The sealed entry: format version, nonce, ciphertext of the token and its times, tag.</summary>
    public byte[] Protect(LogtoAccessToken token)
    {
        byte[] plaintext = Serialize(token);
        byte[] sealedEntry = new byte[1 + NonceSize + plaintext.Length + TagSize];
        sealedEntry[0] = FormatVersion;
        Span<byte> nonce = sealedEntry.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_encryptionKey, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedEntry.AsSpan(1 + NonceSize, plaintext.Length), sealedEntry.AsSpan(1 + NonceSize + plaintext.Length), _associatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return sealedEntry;
    }

    /// <summary>
    /// The token of a sealed entry, with its refresh time computed by <paramref name="refreshAt"/>; <see langword="null"/>
    /// when the entry is not one this protector sealed (another format, another key, altered or truncated bytes).
    /// </summary>
    public LogtoAccessToken? Unprotect(byte[] sealedEntry, Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt)
    {
        if (sealedEntry.Length < 1 + NonceSize + TagSize || sealedEntry[0] != FormatVersion)
        {
            return null;
        }

        int length = sealedEntry.Length - 1 - NonceSize - TagSize;
        byte[] plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(_encryptionKey, TagSize);
            aes.Decrypt(
                sealedEntry.AsSpan(1, NonceSize), sealedEntry.AsSpan(1 + NonceSize, length), sealedEntry.AsSpan(1 + NonceSize + length),
                plaintext, _associatedData);
            return Deserialize(plaintext, refreshAt, _organizationId);
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Describes the protector without its keys.</summary>
    public override string ToString() => "SharedTokenProtector (keys hidden)";

    // Layout: issued-at and expires-at as UTC ticks (8 bytes each, little-endian), then the scopes and the token, each
    // as a 4-byte length and UTF-8 bytes.
    private static byte[] Serialize(LogtoAccessToken token)
    {
        byte[] scopes = Encoding.UTF8.GetBytes(string.Join(' ', token.Scopes));
        byte[] value = Encoding.UTF8.GetBytes(token.Value);
        byte[] buffer = new byte[8 + 8 + 4 + scopes.Length + 4 + value.Length];
        Span<byte> span = buffer;
        BinaryPrimitives.WriteInt64LittleEndian(span, token.IssuedAt.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], token.ExpiresAt.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], scopes.Length);
        scopes.CopyTo(span[20..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(20 + scopes.Length)..], value.Length);
        value.CopyTo(span[(24 + scopes.Length)..]);
        CryptographicOperations.ZeroMemory(value);
        return buffer;
    }

    private static LogtoAccessToken? Deserialize(ReadOnlySpan<byte> span, Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt, string? organizationId)
    {
        if (span.Length < 24)
        {
            return null;
        }

        long issuedTicks = BinaryPrimitives.ReadInt64LittleEndian(span);
        long expiresTicks = BinaryPrimitives.ReadInt64LittleEndian(span[8..]);
        int scopesLength = BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        if (scopesLength < 0 || scopesLength > span.Length - 24)
        {
            return null;
        }

        string scopes = Encoding.UTF8.GetString(span.Slice(20, scopesLength));
        int valueLength = BinaryPrimitives.ReadInt32LittleEndian(span[(20 + scopesLength)..]);
        if (valueLength <= 0 || valueLength != span.Length - 24 - scopesLength
            || issuedTicks < DateTimeOffset.MinValue.UtcTicks || expiresTicks > DateTimeOffset.MaxValue.UtcTicks || expiresTicks <= issuedTicks)
        {
            return null;
        }

        string value = Encoding.UTF8.GetString(span.Slice(24 + scopesLength, valueLength));
        var issuedAt = new DateTimeOffset(issuedTicks, TimeSpan.Zero);
        var expiresAt = new DateTimeOffset(expiresTicks, TimeSpan.Zero);
        string[] granted = scopes.Length == 0 ? [] : scopes.Split(' ');
        return new LogtoAccessToken(value, issuedAt, expiresAt, refreshAt(issuedAt, expiresAt), granted, organizationId);
    }
}
