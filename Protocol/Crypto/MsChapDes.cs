using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// DesEncrypt and ChallengeResponse of RFC 2759 §8.5–8.6 (the same as RFC 2433 A.4 and A.7).
/// </summary>
/// <remarks>
/// BouncyCastle's DES is used because .NET's refuses weak keys: an NT hash ending in 00 00 (one in 65,536
/// passwords) makes the third key 01 01 01 01 01 01 01 01, and MS-CHAP must still work for that user.
/// </remarks>
internal static class MsChapDes
{
    public const int ChallengeLength = 8;
    public const int ResponseLength = 24;

    /// <summary>Spreads 7 key bytes over 8, 7 bits each, and sets odd parity in the low bit (RFC 2759 §9.3).</summary>
    public static void ExpandKey(ReadOnlySpan<byte> key7, Span<byte> key8)
    {
        ulong bits = 0;
        for (var i = 0; i < 7; i++)
        {
            bits = (bits << 8) | key7[i];
        }

        for (var i = 0; i < 8; i++)
        {
            var sevenBits = (byte)((bits >> (49 - (7 * i))) & 0x7F);
            var withGap = (byte)(sevenBits << 1);
            key8[i] = (byte)(withGap | ((BitOperations.PopCount(withGap) & 1) ^ 1));
        }
    }

    /// <summary>Encrypts one 8-byte block with a 7-byte key, in ECB.</summary>
    public static void Encrypt(ReadOnlySpan<byte> clear, ReadOnlySpan<byte> key7, Span<byte> cypher) =>
        Encrypt(new DesEngine(), clear, key7, cypher);

    /// <summary>ChallengeResponse: the 16-byte hash padded with zeros to 21 bytes, three DES keys of 7 bytes.</summary>
    public static void ChallengeResponse(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> passwordHash, Span<byte> response)
    {
        Span<byte> padded = stackalloc byte[21];
        passwordHash.CopyTo(padded);
        padded[16..].Clear();

        // One engine for the three keys: Init replaces its key schedule each time.
        var engine = new DesEngine();
        for (var i = 0; i < 3; i++)
        {
            Encrypt(engine, challenge, padded.Slice(7 * i, 7), response.Slice(8 * i, 8));
        }

        CryptographicOperations.ZeroMemory(padded);
    }

    private static void Encrypt(DesEngine engine, ReadOnlySpan<byte> clear, ReadOnlySpan<byte> key7, Span<byte> cypher)
    {
        Span<byte> key8 = stackalloc byte[8];
        ExpandKey(key7, key8);
        engine.Init(true, new KeyParameter(key8));
        engine.ProcessBlock(clear, cypher);
        CryptographicOperations.ZeroMemory(key8);
    }
}
