using System.Security.Cryptography;
using System.Text;

namespace StreamAnalytics.Silo.Security;

/// <summary>
/// Checks a presented API key against the configured ones in constant time. Both sides are compared as SHA-256
/// hashes, so every comparison is 32 bytes long whatever was sent: the time taken reveals neither a key's content
/// nor its length. Every configured key is compared, so it does not reveal which one matched either.
/// </summary>
public sealed class ApiKeyVerifier
{
    private readonly byte[][] _keyHashes;

    /// <summary>Creates a verifier for the given keys; none means no key is required.</summary>
    public ApiKeyVerifier(IEnumerable<string> keys) => _keyHashes = [.. keys.Select(Hash)];

    /// <summary>Whether any key is configured; without one, write requests are not checked.</summary>
    public bool KeysRequired => _keyHashes.Length > 0;

    /// <summary>Whether <paramref name="presented"/> is one of the configured keys.</summary>
    public bool IsValid(string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var keyHash in _keyHashes)
        {
            // Non-short-circuiting: every key is compared even after a match.
            match |= CryptographicOperations.FixedTimeEquals(hash, keyHash);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
