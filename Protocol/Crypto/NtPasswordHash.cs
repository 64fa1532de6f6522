using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// The NT password hash, MD4 of the UTF-16LE password (RFC 2759 §8.3), and its hash (§8.4): what MS-CHAP
/// needs instead of the cleartext, so users may be configured by either.
/// </summary>
public static class NtPasswordHash
{
    public const int Length = 16;

    /// <summary>Number of hex digits in a configured NT hash.</summary>
    public const int HexLength = 2 * Length;

    private const int ChunkChars = 128;

    /// <summary>Computes MD4(UTF-16LE(password)) into 16 bytes of <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<char> password, Span<byte> destination)
    {
        CheckDestination(destination);

        // Fed in chunks, so a long configured password needs no heap buffer; the UTF-16 code units are
        // hashed as they are (no normalisation), as Windows does.
        var digest = new MD4Digest();
        Span<byte> chunk = stackalloc byte[2 * ChunkChars];
        while (!password.IsEmpty)
        {
            var count = Math.Min(ChunkChars, password.Length);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(chunk[(2 * i)..], password[i]);
            }

            digest.BlockUpdate(chunk[..(2 * count)]);
            password = password[count..];
        }

        digest.DoFinal(destination);
        CryptographicOperations.ZeroMemory(chunk);
    }

    /// <summary>Computes HashNtPasswordHash (RFC 2759 §8.4): MD4 of the 16-byte NT hash.</summary>
    public static void ComputeHashHash(ReadOnlySpan<byte> ntHash, Span<byte> destination)
    {
        if (ntHash.Length != Length)
        {
            throw new ArgumentException("An NT hash is 16 bytes.", nameof(ntHash));
        }

        CheckDestination(destination);
        Md4.HashData(ntHash, destination);
    }

    /// <summary>
    /// Parses an NT hash written as exactly 32 hex digits (either case, as <c>pwdump</c> or FreeRADIUS
    /// <c>NT-Password</c> show it). False for any other input.
    /// </summary>
    public static bool TryParseHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != HexLength || destination.Length < Length)
        {
            return false;
        }

        return Convert.FromHexString(hex, destination[..Length], out _, out var written) == OperationStatus.Done && written == Length;
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("An NT hash is 16 bytes.", nameof(destination));
        }
    }
}
