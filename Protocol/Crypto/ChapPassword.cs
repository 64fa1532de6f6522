using System.Buffers;
using System.Security.Cryptography;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>CHAP (RFC 1994 §4.1) as carried by RADIUS: CHAP-Password = Ident(1) ‖ MD5(Ident ‖ password ‖ challenge).</summary>
public static class ChapPassword
{
    public const int ResponseLength = 16;

    /// <summary>Size of the CHAP-Password attribute value (RFC 2865 §5.3).</summary>
    public const int ValueLength = 1 + ResponseLength;

    private const int StackLimit = 512;

    /// <summary>
    /// The challenge a CHAP-Password answers (RFC 2865 §2.2): the CHAP-Challenge attribute when present,
    /// otherwise the Request Authenticator.
    /// </summary>
    public static ReadOnlySpan<byte> GetChallenge(in RadiusPacketReader request) =>
        request.TryGetAttribute(RadiusAttributeType.ChapChallenge, out var challenge) ? challenge.Value : request.Authenticator;

    /// <summary>Computes MD5(identifier ‖ password ‖ challenge) into 16 bytes of <paramref name="destination"/>.</summary>
    public static void ComputeResponse(byte identifier, ReadOnlySpan<byte> password, ReadOnlySpan<byte> challenge, Span<byte> destination)
    {
        if (destination.Length < ResponseLength)
        {
            throw new ArgumentException("A CHAP response is 16 bytes.", nameof(destination));
        }

        // The password is configuration, not wire data, so its length is not bounded by the protocol:
        // small inputs stay on the stack, larger ones use a pooled buffer that is wiped after use.
        var length = 1 + password.Length + challenge.Length;
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> input = rented is null ? stackalloc byte[StackLimit] : rented;
        input = input[..length];
        input[0] = identifier;
        password.CopyTo(input[1..]);
        challenge.CopyTo(input[(1 + password.Length)..]);
        Md5.HashData(input, destination);
        CryptographicOperations.ZeroMemory(input);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Checks a CHAP-Password value (Ident ‖ 16-byte response) against the cleartext password and the
    /// challenge, in constant time. False for a value that is not 17 bytes or an empty or oversized challenge.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> chapPasswordValue, ReadOnlySpan<byte> password, ReadOnlySpan<byte> challenge)
    {
        if (chapPasswordValue.Length != ValueLength || challenge.IsEmpty || challenge.Length > RadiusPacket.MaxAttributeValueLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[ResponseLength];
        ComputeResponse(chapPasswordValue[0], password, challenge, expected);
        return CryptographicOperations.FixedTimeEquals(expected, chapPasswordValue[1..]);
    }
}
