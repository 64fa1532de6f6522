using System.Buffers.Binary;
using Orleans.Radius.Grains;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// Encodes and signs replies: Message-Authenticator first (BlastRADIUS), the grain's reply attributes with
/// their values encrypted for this NAS, Proxy-State copied from the request (RFC 2865 §5.33).
/// </summary>
/// <remarks>
/// Salts are derived from the request and the secret rather than drawn at random, so a retransmission
/// answered by another gateway from the grain's cached decision gets a byte-identical reply
/// (RFC 5080 §2.2.2). They stay unique within a packet (RFC 2548 §2.4.2) and unpredictable without the secret.
/// </remarks>
internal static class ReplyEncoder
{
    private const uint MicrosoftVendorId = 311;

    /// <summary>Encodes a reply to <paramref name="request"/> into <paramref name="buffer"/>; returns its length, or 0 if it does not fit.</summary>
    /// <remarks>
    /// An Accounting-Response to an Accounting-Request carries no Message-Authenticator: it is optional
    /// there, and implementations disagree on the authenticator it is computed over (FreeRADIUS uses
    /// zeros, RFC 3579 readers the request's), so a NAS of either kind could discard the reply.
    /// </remarks>
    public static int Encode(
        Span<byte> buffer, ReadOnlySpan<byte> request, RadiusCode code, IReadOnlyList<ReplyAttribute> attributes, ReadOnlySpan<byte> secret)
    {
        var requestAuthenticator = request.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength);
        var writer = new RadiusPacketWriter(buffer, code, request[RadiusPacket.IdentifierOffset], default);
        var signsMessage = code != RadiusCode.AccountingResponse || request[RadiusPacket.CodeOffset] == (byte)RadiusCode.StatusServer;
        if (signsMessage && !writer.TryWriteMessageAuthenticatorPlaceholder())
        {
            return 0;
        }

        if (attributes.Count > 0 && !TryWriteAttributes(ref writer, attributes, requestAuthenticator, secret))
        {
            return 0;
        }

        if (!TryCopyProxyState(ref writer, request))
        {
            return 0;
        }

        var packet = writer.Complete();
        RadiusSigner.SignResponse(packet, requestAuthenticator, secret);
        return packet.Length;
    }

    private static bool TryWriteAttributes(
        ref RadiusPacketWriter writer, IReadOnlyList<ReplyAttribute> attributes, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        Span<byte> saltSeed = stackalloc byte[16];
        var saltIndex = 0;
        foreach (var attribute in attributes)
        {
            var encoded = attribute.Encoded;
            var ok = attribute.Encryption switch
            {
                ReplyEncryption.None => writer.TryWriteRaw(encoded),
                ReplyEncryption.TunnelPassword => TryWriteTunnelPassword(ref writer, encoded, NextSalt(saltSeed, ref saltIndex, requestAuthenticator, secret), requestAuthenticator, secret),
                ReplyEncryption.MicrosoftSalt => TryWriteMicrosoftSalted(ref writer, encoded, NextSalt(saltSeed, ref saltIndex, requestAuthenticator, secret), requestAuthenticator, secret),
                ReplyEncryption.MsChapMppeKeys => TryWriteMsChapMppeKeys(ref writer, encoded, requestAuthenticator, secret),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // encoded = type, length, tag, cleartext password.
    private static bool TryWriteTunnelPassword(
        ref RadiusPacketWriter writer, byte[] encoded, ushort salt, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        if (encoded.Length < 3)
        {
            return false;
        }

        var clear = encoded.AsSpan(3);
        var length = TunnelPasswordCipher.GetHiddenLength(clear.Length);
        return writer.TryReserveAttribute(encoded[0], length, out var value)
            && TunnelPasswordCipher.TryHide(clear, encoded[2], salt, secret, requestAuthenticator, value, out _);
    }

    // encoded = Vendor-Specific (26, length, vendor 311, vendor type, vendor length, cleartext key).
    private static bool TryWriteMicrosoftSalted(
        ref RadiusPacketWriter writer, byte[] encoded, ushort salt, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        if (encoded.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(encoded.AsSpan(2)) != MicrosoftVendorId)
        {
            return false;
        }

        var clear = encoded.AsSpan(8);
        Span<byte> encrypted = stackalloc byte[SaltEncryption.GetEncryptedLength(clear.Length)];
        return SaltEncryption.TryEncrypt(clear, salt, secret, requestAuthenticator, encrypted, out var written)
            && writer.TryWriteVendorSpecific(MicrosoftVendorId, encoded[6], encrypted[..written]);
    }

    // encoded = Vendor-Specific (26, length, vendor 311, vendor type 12, vendor length, NT-Key).
    private static bool TryWriteMsChapMppeKeys(ref RadiusPacketWriter writer, byte[] encoded, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        if (encoded.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(encoded.AsSpan(2)) != MicrosoftVendorId)
        {
            return false;
        }

        Span<byte> encrypted = stackalloc byte[64];
        return MsChapV1.TryEncryptMppeKeys(encoded.AsSpan(8), secret, requestAuthenticator, encrypted, out var written)
            && writer.TryWriteVendorSpecific(MicrosoftVendorId, encoded[6], encrypted[..written]);
    }

    private static ushort NextSalt(Span<byte> seed, ref int index, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        if (index == 0)
        {
            Md5.Hmac(secret, requestAuthenticator, seed);
        }

        // Distinct for the first 128 encrypted attributes of a packet; the high bit is mandatory.
        var salt = (ushort)(0x8000 | ((BinaryPrimitives.ReadUInt16BigEndian(seed) + (index * 0x0101)) & 0x7FFF));
        index++;
        return salt;
    }

    private static bool TryCopyProxyState(ref RadiusPacketWriter writer, ReadOnlySpan<byte> request)
    {
        if (RadiusPacketReader.TryParse(request, out var reader) != RadiusParseError.None)
        {
            return false;
        }

        foreach (var attribute in reader)
        {
            if (attribute.Type == (byte)RadiusAttributeType.ProxyState && !writer.TryWriteAttribute(attribute.Type, attribute.Value))
            {
                return false;
            }
        }

        return true;
    }
}
