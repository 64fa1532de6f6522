using System.Buffers;
using System.Security.Cryptography;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// EAP-MD5-Challenge (RFC 3748 §5.4, with the CHAP arithmetic of RFC 1994 §4.1): Type-Data is a Value-Size
/// byte, the Value, then the Name filling the rest.
/// </summary>
public static class EapMd5Challenge
{
    /// <summary>The Response Value is an MD5 digest.</summary>
    public const int ResponseValueLength = 16;

    /// <summary>Length of the challenge a server should send (RFC 1994 leaves it open; 16 is customary).</summary>
    public const int RecommendedChallengeLength = 16;

    /// <summary>Longest secret hashed on the stack; longer ones use a pooled buffer, cleared after use.</summary>
    private const int StackLimit = 512;

    /// <summary>Writes an MD5-Challenge Request (Value = challenge) or Response (Value = 16-byte digest).</summary>
    public static bool TryWrite(Span<byte> destination, EapCode code, byte identifier, ReadOnlySpan<byte> value, ReadOnlySpan<byte> name, out int bytesWritten)
    {
        // Value-Size is one byte, and a zero-length value carries no challenge.
        if (value.Length is 0 or > byte.MaxValue
            || !EapPacketWriter.TryReserve(destination, code, identifier, EapType.Md5Challenge, 1 + value.Length + name.Length, out var data, out bytesWritten))
        {
            bytesWritten = 0;
            return false;
        }

        data[0] = (byte)value.Length;
        value.CopyTo(data[1..]);
        name.CopyTo(data[(1 + value.Length)..]);
        return true;
    }

    /// <summary>Splits MD5-Challenge Type-Data into its Value and Name, checking Value-Size against the data held.</summary>
    public static EapParseError TryRead(ReadOnlySpan<byte> typeData, out ReadOnlySpan<byte> value, out ReadOnlySpan<byte> name)
    {
        value = default;
        name = default;
        if (typeData.IsEmpty)
        {
            return EapParseError.TypeDataTooShort;
        }

        // Attacker controlled: Value-Size must fit inside the data actually received.
        int valueSize = typeData[0];
        if (valueSize == 0)
        {
            return EapParseError.InvalidValueSize;
        }

        if (valueSize > typeData.Length - 1)
        {
            return EapParseError.TypeDataTooShort;
        }

        value = typeData.Slice(1, valueSize);
        name = typeData[(1 + valueSize)..];
        return EapParseError.None;
    }

    /// <summary>Computes the Response Value MD5(Identifier ‖ secret ‖ challenge) into 16 bytes of <paramref name="destination"/>.</summary>
    public static void ComputeResponse(byte identifier, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> challenge, Span<byte> destination)
    {
        if (destination.Length < ResponseValueLength)
        {
            throw new ArgumentException("The response is 16 bytes.", nameof(destination));
        }

        var length = 1 + secret.Length + challenge.Length;
        byte[]? rented = null;
        var input = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        input = input[..length];
        try
        {
            input[0] = identifier;
            secret.CopyTo(input[1..]);
            challenge.CopyTo(input[(1 + secret.Length)..]);
            Md5.HashData(input, destination);
        }
        finally
        {
            // The buffer held the secret.
            CryptographicOperations.ZeroMemory(input);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Checks a peer's Response Value in constant time; false for a value that is not 16 bytes.</summary>
    public static bool VerifyResponse(byte identifier, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> response)
    {
        if (response.Length != ResponseValueLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[ResponseValueLength];
        ComputeResponse(identifier, secret, challenge, expected);
        return CryptographicOperations.FixedTimeEquals(expected, response);
    }
}
