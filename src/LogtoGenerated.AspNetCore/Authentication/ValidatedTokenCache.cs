using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LogtoGenerated.AspNetCore.Authentication;

/// <summary>
/// Tokens already validated, so that a token used again is not verified again: keyed by the SHA-256 of the token,
/// bounded in count and in (estimated) memory, each entry good until the token's <c>exp</c> and only with the signing
/// keys it was validated with. Thread-safe.
/// </summary>
/// <remarks>
/// A token is remembered from its second validation on: the first only marks its hash in a fixed table of fingerprints
/// (8 bytes a slot, no allocation). Tokens used once, such as a flood of distinct tokens, then cost no memory and no
/// garbage collection work, so they are never slower than without the cache; a reused token (an M2M app's, used for
/// its whole life) pays one extra verification.
/// </remarks>
internal sealed class ValidatedTokenCache
{
    /// <summary>Longer tokens are never remembered (Logto's are well under 2,000 characters).</summary>
    public const int MaxTokenLength = 16 * 1024;

    // What an entry costs besides the token's characters: the parsed token (header, payload, decoded claims) and the
    // claims kept for new identities; about four times the token's length, and a fixed part.
    private const int EntryOverheadBytes = 1024;
    private const int BytesPerTokenCharacter = 8;

    private readonly ConcurrentDictionary<TokenHash, Entry> _entries = new();
    private readonly int _maxCount;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly object _pruning = new();
    private readonly ulong[] _seenOnce;
    private long _bytes;
    private long _hits;

    public ValidatedTokenCache(int maxCount, long maxBytes, TimeProvider time)
    {
        _maxCount = maxCount;
        _maxBytes = maxBytes;
        _time = time;
        _seenOnce = new ulong[maxCount <= 0 ? 0 : (int)Math.Min(1 << 16, Math.Max(1024, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)maxCount)))];
    }

    /// <summary>Whether tokens are remembered at all.</summary>
    public bool Enabled => _maxCount > 0 && _maxBytes > 0;

    /// <summary>The number of tokens remembered.</summary>
    public int Count => _entries.Count;

    /// <summary>The estimated memory the remembered tokens take, in bytes.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many validations the cache answered.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The key of <paramref name="token"/>, or <see langword="false"/> when it is not to be remembered.</summary>
    public bool TryGetKey(string token, out TokenHash key)
    {
        if (!Enabled || token.Length > MaxTokenLength)
        {
            key = default;
            return false;
        }

        key = TokenHash.Of(token);
        return true;
    }

    /// <summary>
    /// A fresh identity for a token validated before with keys of version <paramref name="keysVersion"/> and not expired.
    /// </summary>
    public bool TryGet(in TokenHash key, long keysVersion, out ClaimsIdentity? identity, out SecurityToken? token)
    {
        if (_entries.TryGetValue(key, out Entry? entry) && entry.KeysVersion == keysVersion && _time.GetUtcNow() < entry.Expires)
        {
            identity = new ClaimsIdentity(entry.Claims, entry.AuthenticationType, entry.NameClaimType, entry.RoleClaimType);
            token = entry.Token;
            Interlocked.Increment(ref _hits);
            return true;
        }

        identity = null;
        token = null;
        return false;
    }

    /// <summary>
    /// Remembers a validated token until <paramref name="token"/>'s expiry, if it was validated before (see the remarks);
    /// returns whether it is now remembered.
    /// </summary>
    public bool Add(in TokenHash key, int tokenLength, ClaimsIdentity identity, SecurityToken token, long keysVersion)
    {
        if (!SeenBefore(key))
        {
            return false;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc));
        if (token.ValidTo == DateTime.MinValue || expires <= _time.GetUtcNow())
        {
            return false;
        }

        long size = EntryOverheadBytes + ((long)tokenLength * BytesPerTokenCharacter);
        if (_entries.Count >= _maxCount || Bytes + size > _maxBytes)
        {
            Prune(size);
            if (_entries.Count >= _maxCount || Bytes + size > _maxBytes)
            {
                return false;
            }
        }

        var entry = new Entry(identity.Claims.ToArray(), identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType, token, expires, keysVersion, size);
        if (_entries.TryAdd(key, entry))
        {
            Interlocked.Add(ref _bytes, size);
        }

        return true;
    }

    // Marks the token's fingerprint in its slot; true when the slot already held it. A slot holds one fingerprint: a
    // token whose slot another token took since is treated as new (and remembered on its next use).
    private bool SeenBefore(in TokenHash key)
    {
        if (_seenOnce.Length == 0)
        {
            return false;
        }

        int slot = (int)(key.A & (ulong)(_seenOnce.Length - 1));
        ulong fingerprint = key.B | 1;
        return Interlocked.Exchange(ref _seenOnce[slot], fingerprint) == fingerprint;
    }

    /// <summary>Forgets every token (the signing keys changed).</summary>
    public void Clear()
    {
        foreach (TokenHash key in _entries.Keys)
        {
            Remove(key);
        }
    }

    private void Remove(TokenHash key)
    {
        if (_entries.TryRemove(key, out Entry? removed))
        {
            Interlocked.Add(ref _bytes, -removed.Size);
        }
    }

    // Drops expired tokens; when that is not enough, the tokens that expire first, down to three quarters of the limits.
    private void Prune(long incoming)
    {
        if (!Monitor.TryEnter(_pruning))
        {
            return;
        }

        try
        {
            DateTimeOffset now = _time.GetUtcNow();
            foreach (KeyValuePair<TokenHash, Entry> pair in _entries)
            {
                if (pair.Value.Expires <= now)
                {
                    Remove(pair.Key);
                }
            }

            int targetCount = _maxCount * 3 / 4;
            long targetBytes = (_maxBytes * 3 / 4) - incoming;
            if (_entries.Count <= targetCount && Bytes <= targetBytes)
            {
                return;
            }

            foreach (KeyValuePair<TokenHash, Entry> pair in _entries.OrderBy(pair => pair.Value.Expires).ToList())
            {
                if (_entries.Count <= targetCount && Bytes <= targetBytes)
                {
                    break;
                }

                Remove(pair.Key);
            }
        }
        finally
        {
            Monitor.Exit(_pruning);
        }
    }

    private sealed record Entry(
        Claim[] Claims, string? AuthenticationType, string NameClaimType, string RoleClaimType, SecurityToken Token, DateTimeOffset Expires, long KeysVersion, long Size);

    /// <summary>The SHA-256 of a token: the cache never holds a token as its key.</summary>
    internal readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static TokenHash Of(string token)
        {
            int length = Encoding.UTF8.GetMaxByteCount(token.Length);
            byte[]? rented = length > 2048 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
            Span<byte> bytes = rented ?? stackalloc byte[2048];
            try
            {
                int written = Encoding.UTF8.GetBytes(token, bytes);
                Span<ulong> hash = stackalloc ulong[4];
                SHA256.HashData(bytes[..written], System.Runtime.InteropServices.MemoryMarshal.AsBytes(hash));
                return new TokenHash(hash[0], hash[1], hash[2], hash[3]);
            }
            finally
            {
                if (rented is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }
}
