using System.Security.Cryptography;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// Fills and checks the Request/Response Authenticators (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3) and the
/// Message-Authenticator (RFC 3579 §3.2) of packets encoded by <see cref="RadiusPacketWriter"/>.
/// </summary>
/// <remarks>
/// Work buffers live on the stack (a packet is at most 4096 bytes), so signing and verifying allocate
/// nothing. Every comparison of an authenticator is constant-time.
/// </remarks>
public static class RadiusSigner
{
    private const int MessageAuthenticatorLength = 16;

    /// <summary>Longest shared secret accepted; real deployments use far shorter ones.</summary>
    public const int MaxSecretLength = 256;

    /// <summary>
    /// Signs an Access-Request or Status-Server whose random Request Authenticator is already in place:
    /// computes the Message-Authenticator if the packet carries one.
    /// </summary>
    public static void SignAccessRequest(Span<byte> packet, ReadOnlySpan<byte> secret)
    {
        CheckSecret(secret);
        if (TryFindMessageAuthenticator(packet, out var offset))
        {
            ComputeMessageAuthenticator(packet, offset, secret, packet.Slice(offset, MessageAuthenticatorLength));
        }
    }

    /// <summary>
    /// Signs an Accounting-Request, Disconnect-Request or CoA-Request: Message-Authenticator (if present) over
    /// the packet with a zero authenticator, then Request Authenticator = MD5(packet with zeros ‖ secret).
    /// </summary>
    public static void SignComputedRequest(Span<byte> packet, ReadOnlySpan<byte> secret)
    {
        CheckSecret(secret);
        var authenticator = packet.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength);
        authenticator.Clear();
        if (TryFindMessageAuthenticator(packet, out var offset))
        {
            ComputeMessageAuthenticator(packet, offset, secret, packet.Slice(offset, MessageAuthenticatorLength));
        }

        Span<byte> digest = stackalloc byte[RadiusPacket.AuthenticatorLength];
        Md5OfPacketAndSecret(packet, secret, digest);
        digest.CopyTo(authenticator);
    }

    /// <summary>
    /// Signs a reply: puts the request's authenticator in place, computes the Message-Authenticator (if
    /// present), then the Response Authenticator = MD5(Code ‖ Id ‖ Length ‖ RequestAuth ‖ Attributes ‖ Secret).
    /// </summary>
    public static void SignResponse(Span<byte> packet, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        CheckSecret(secret);
        var authenticator = packet.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength);
        requestAuthenticator.CopyTo(authenticator);
        if (TryFindMessageAuthenticator(packet, out var offset))
        {
            ComputeMessageAuthenticator(packet, offset, secret, packet.Slice(offset, MessageAuthenticatorLength));
        }

        Span<byte> digest = stackalloc byte[RadiusPacket.AuthenticatorLength];
        Md5OfPacketAndSecret(packet, secret, digest);
        digest.CopyTo(authenticator);
    }

    /// <summary>
    /// Checks the Request Authenticator of an Accounting-, Disconnect- or CoA-Request (MD5 over the packet
    /// with a zero authenticator and the secret).
    /// </summary>
    public static bool VerifyComputedRequestAuthenticator(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> secret)
    {
        if (!IsUsable(packet, secret))
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[packet.Length];
        packet.CopyTo(copy);
        copy.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength).Clear();
        Span<byte> digest = stackalloc byte[RadiusPacket.AuthenticatorLength];
        Md5OfPacketAndSecret(copy, secret, digest);
        return CryptographicOperations.FixedTimeEquals(digest, packet.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength));
    }

    /// <summary>Checks the Response Authenticator of a reply to a request whose authenticator is given.</summary>
    public static bool VerifyResponseAuthenticator(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        if (!IsUsable(packet, secret) || requestAuthenticator.Length != RadiusPacket.AuthenticatorLength)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[packet.Length];
        packet.CopyTo(copy);
        requestAuthenticator.CopyTo(copy[RadiusPacket.AuthenticatorOffset..]);
        Span<byte> digest = stackalloc byte[RadiusPacket.AuthenticatorLength];
        Md5OfPacketAndSecret(copy, secret, digest);
        return CryptographicOperations.FixedTimeEquals(digest, packet.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength));
    }

    /// <summary>
    /// Checks the Message-Authenticator whose value starts at <paramref name="valueOffset"/>. For replies pass
    /// the request's authenticator; for Accounting/CoA/Disconnect requests pass 16 zero bytes; for
    /// Access-Request and Status-Server pass an empty span (the packet's own authenticator is used).
    /// </summary>
    public static bool VerifyMessageAuthenticator(ReadOnlySpan<byte> packet, int valueOffset, ReadOnlySpan<byte> authenticator, ReadOnlySpan<byte> secret)
    {
        if (!IsUsable(packet, secret)
            || valueOffset < RadiusPacket.HeaderLength + 2
            || valueOffset > packet.Length - MessageAuthenticatorLength
            || packet[valueOffset - 1] != MessageAuthenticatorLength + 2
            || (!authenticator.IsEmpty && authenticator.Length != RadiusPacket.AuthenticatorLength))
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[packet.Length];
        packet.CopyTo(copy);
        if (!authenticator.IsEmpty)
        {
            authenticator.CopyTo(copy[RadiusPacket.AuthenticatorOffset..]);
        }

        Span<byte> expected = stackalloc byte[MessageAuthenticatorLength];
        ComputeMessageAuthenticator(copy, valueOffset, secret, expected);
        return CryptographicOperations.FixedTimeEquals(expected, packet.Slice(valueOffset, MessageAuthenticatorLength));
    }

    /// <summary>
    /// Checks the Message-Authenticator of a request as its code requires (RFC 3579 §3.2, RFC 5176 §3.4).
    /// Returns <see cref="MessageAuthenticatorCheck.Missing"/> when the packet has none.
    /// </summary>
    public static MessageAuthenticatorCheck CheckRequestMessageAuthenticator(in RadiusPacketReader request, ReadOnlySpan<byte> secret)
    {
        var found = false;
        var valueOffset = 0;
        foreach (var attribute in request)
        {
            if (attribute.Type != (byte)RadiusAttributeType.MessageAuthenticator)
            {
                continue;
            }

            if (found || attribute.Value.Length != MessageAuthenticatorLength)
            {
                // RFC 3579 §3.2: at most one, and exactly 16 bytes.
                return MessageAuthenticatorCheck.Invalid;
            }

            found = true;
            valueOffset = attribute.ValueOffset;
        }

        if (!found)
        {
            return MessageAuthenticatorCheck.Missing;
        }

        ReadOnlySpan<byte> zeros = stackalloc byte[RadiusPacket.AuthenticatorLength];
        var authenticator = RadiusCodes.HasComputedRequestAuthenticator(request.Code) ? zeros : [];
        return VerifyMessageAuthenticator(request.Packet, valueOffset, authenticator, secret)
            ? MessageAuthenticatorCheck.Valid
            : MessageAuthenticatorCheck.Invalid;
    }

    /// <summary>Finds the value offset of the first Message-Authenticator in an encoded packet.</summary>
    public static bool TryFindMessageAuthenticator(ReadOnlySpan<byte> packet, out int valueOffset)
    {
        var offset = RadiusPacket.HeaderLength;
        while (offset + 2 <= packet.Length)
        {
            int length = packet[offset + 1];
            if (length < 2 || offset + length > packet.Length)
            {
                break;
            }

            if (packet[offset] == (byte)RadiusAttributeType.MessageAuthenticator && length == MessageAuthenticatorLength + 2)
            {
                valueOffset = offset + 2;
                return true;
            }

            offset += length;
        }

        valueOffset = 0;
        return false;
    }

    // HMAC-MD5 keyed by the secret over the packet with the Message-Authenticator value zeroed.
    private static void ComputeMessageAuthenticator(ReadOnlySpan<byte> packet, int valueOffset, ReadOnlySpan<byte> secret, Span<byte> destination) =>
        Md5.HmacWithGap(secret, packet, valueOffset, MessageAuthenticatorLength, destination);

    private static void Md5OfPacketAndSecret(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> secret, Span<byte> destination) =>
        Md5.HashData(packet, secret, destination);

    private static bool IsUsable(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> secret) =>
        packet.Length is >= RadiusPacket.HeaderLength and <= RadiusPacket.MaxLength
        && secret.Length is > 0 and <= MaxSecretLength;

    private static void CheckSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length is 0 or > MaxSecretLength)
        {
            throw new ArgumentException($"A shared secret is 1 to {MaxSecretLength} bytes.", nameof(secret));
        }
    }
}

/// <summary>Outcome of checking a request's Message-Authenticator.</summary>
public enum MessageAuthenticatorCheck : byte
{
    Missing,
    Valid,
    Invalid,
}
