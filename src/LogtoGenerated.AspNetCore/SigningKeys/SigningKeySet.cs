using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.AspNetCore.SigningKeys;

/// <summary>One reading of Logto's JWKS: the keys, their ids and the algorithms they sign with. Immutable.</summary>
internal sealed class SigningKeySet
{
    private readonly HashSet<string> _keyIds;

    private SigningKeySet(IReadOnlyList<SecurityKey> keys, IReadOnlyList<string> algorithms, Uri address, long readAt, long version)
    {
        Keys = keys;
        Algorithms = algorithms;
        Address = address;
        ReadAt = readAt;
        Version = version;
        _keyIds = new HashSet<string>(keys.Select(key => key.KeyId).Where(id => !string.IsNullOrEmpty(id)), StringComparer.Ordinal);
    }

    /// <summary>The signing keys.</summary>
    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>The number of signing keys.</summary>
    public int Count => Keys.Count;

    /// <summary>The algorithms the keys sign with (each key's <c>alg</c>, or the one its type and curve imply).</summary>
    public IReadOnlyList<string> Algorithms { get; }

    /// <summary>Where the keys were read from.</summary>
    public Uri Address { get; }

    /// <summary>When the keys were read (a <see cref="TimeProvider"/> timestamp).</summary>
    public long ReadAt { get; }

    /// <summary>Counts the changes of the keys: a token validated with one version is validated again after they changed.</summary>
    public long Version { get; }

    /// <summary>This reading under another version number.</summary>
    public SigningKeySet WithVersion(long version) => new(Keys, Algorithms, Address, ReadAt, version);

    /// <summary>Whether a key has the id <paramref name="keyId"/>.</summary>
    public bool HasKey(string keyId) => _keyIds.Contains(keyId);

    /// <summary>Whether <paramref name="other"/> has the same key ids (Logto never reuses a key id for another key).</summary>
    public bool SameKeysAs(SigningKeySet other) => _keyIds.SetEquals(other._keyIds) && Count == other.Count;

    /// <summary>The signing keys of <paramref name="set"/> (keys marked for encryption only are left out).</summary>
    public static SigningKeySet From(JsonWebKeySet set, Uri address, long readAt, long version)
    {
        var keys = new List<SecurityKey>();
        var algorithms = new SortedSet<string>(StringComparer.Ordinal);
        var signingKeyIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonWebKey key in set.Keys)
        {
            if (!string.IsNullOrEmpty(key.Use) && key.Use != JsonWebKeyUseNames.Sig)
            {
                continue;
            }

            string? algorithm = !string.IsNullOrEmpty(key.Alg) ? key.Alg : ImpliedAlgorithm(key);
            if (algorithm is null)
            {
                continue;
            }

            algorithms.Add(algorithm);
            signingKeyIds.Add(key.Kid ?? "");
        }

        // The keys as IdentityModel makes them of a key set (for EC and RSA, keys of the platform's algorithms), as a
        // plain JwtBearer setup gets them from its configuration.
        foreach (SecurityKey key in set.GetSigningKeys())
        {
            if (signingKeyIds.Contains(key.KeyId ?? ""))
            {
                keys.Add(key);
            }
        }

        if (keys.Count == 0)
        {
            throw new LogtoSigningKeysException($"Logto's key set at {address} has no signing key (EC or RSA with use 'sig').");
        }

        return new SigningKeySet(keys, algorithms.ToArray(), address, readAt, version);
    }

    private static string? ImpliedAlgorithm(JsonWebKey key) => key.Kty switch
    {
        JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Crv switch
        {
            JsonWebKeyECTypes.P256 => SecurityAlgorithms.EcdsaSha256,
            JsonWebKeyECTypes.P384 => SecurityAlgorithms.EcdsaSha384,
            JsonWebKeyECTypes.P521 => SecurityAlgorithms.EcdsaSha512,
            _ => null,
        },
        JsonWebAlgorithmsKeyTypes.RSA => SecurityAlgorithms.RsaSha256,
        _ => null,
    };
}
