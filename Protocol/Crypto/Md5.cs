using Org.BouncyCastle.Crypto.Digests;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// MD5 and HMAC-MD5 (RFC 1321, RFC 2104) over small RADIUS inputs, with the message given in parts so
/// callers never copy a packet to append the secret or blank a field.
/// </summary>
/// <remarks>
/// Every RADIUS request costs several MD5s of a hundred-odd bytes. OpenSSL 3's one-shot digests look the
/// algorithm up by name and take locks on every call, which costs more than the hashing itself; a
/// managed digest kept per thread (BouncyCastle's) does the same work without either.
/// </remarks>
public static class Md5
{
    public const int HashLength = 16;
    private const int BlockLength = 64;

    [ThreadStatic]
    private static MD5Digest? _threadDigest;

    private static MD5Digest Digest => _threadDigest ??= new MD5Digest();

    /// <summary>MD5(first ‖ second ‖ third) into <paramref name="destination"/> (16 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> destination)
    {
        var digest = Digest;
        digest.BlockUpdate(first);
        digest.BlockUpdate(second);
        digest.BlockUpdate(third);
        digest.DoFinal(destination);
    }

    /// <summary>MD5(first ‖ second) into <paramref name="destination"/> (16 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination) =>
        HashData(first, second, [], destination);

    /// <summary>MD5(data) into <paramref name="destination"/> (16 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination) => HashData(data, [], [], destination);

    /// <summary>
    /// HMAC-MD5 keyed by <paramref name="key"/> over <c>data[..gapOffset] ‖ zeros(gapLength) ‖ data[(gapOffset + gapLength)..]</c>:
    /// the Message-Authenticator (RFC 3579 §3.2) is computed with its own value as zeros.
    /// </summary>
    public static void HmacWithGap(scoped ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, int gapOffset, int gapLength, Span<byte> destination)
    {
        Span<byte> pad = stackalloc byte[BlockLength];
        Span<byte> keyHash = stackalloc byte[HashLength];
        Span<byte> inner = stackalloc byte[HashLength];
        if (key.Length > BlockLength)
        {
            HashData(key, keyHash);
            key = keyHash;
        }

        var digest = Digest;
        FillPad(pad, key, 0x36);
        digest.BlockUpdate(pad);
        digest.BlockUpdate(data[..gapOffset]);
        pad[..gapLength].Clear();
        digest.BlockUpdate(pad[..gapLength]);
        digest.BlockUpdate(data[(gapOffset + gapLength)..]);
        digest.DoFinal(inner);

        FillPad(pad, key, 0x5C);
        digest.BlockUpdate(pad);
        digest.BlockUpdate(inner);
        digest.DoFinal(destination);

        pad.Clear();
        inner.Clear();
        keyHash.Clear();
    }

    /// <summary>HMAC-MD5 keyed by <paramref name="key"/> over <paramref name="data"/>.</summary>
    public static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination) =>
        HmacWithGap(key, data, data.Length, 0, destination);

    private static void FillPad(Span<byte> pad, ReadOnlySpan<byte> key, byte value)
    {
        pad.Fill(value);
        for (var i = 0; i < key.Length; i++)
        {
            pad[i] ^= key[i];
        }
    }
}
