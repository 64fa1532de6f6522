using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Radius.Grains;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Silo.Admin.Coa;

/// <summary>
/// Encodes and signs Disconnect- and CoA-Requests, and checks the NAS's answers (RFC 5176 §2.3, §3.5; RFC 3579 §3.2).
/// </summary>
public static class DynamicAuthorizationPacket
{
    /// <summary>
    /// Writes a signed request into <paramref name="buffer"/> and returns its length, or 0 when the attributes do
    /// not fit one packet. Message-Authenticator comes first; it is computed over the packet with a zero
    /// Request Authenticator, then the Request Authenticator = MD5(Code ‖ Id ‖ Length ‖ 16 zeros ‖ Attributes ‖ Secret).
    /// </summary>
    public static int Write(
        Span<byte> buffer, RadiusCode code, byte identifier, SessionIdentification session, IReadOnlyList<ReplyAttribute> attributes, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(attributes);
        if (code is not (RadiusCode.DisconnectRequest or RadiusCode.CoaRequest))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "only Disconnect-Request and CoA-Request");
        }

        var writer = new RadiusPacketWriter(buffer, code, identifier, []);
        var fits = writer.TryWriteMessageAuthenticatorPlaceholder()
            && WriteAddress(ref writer, session.NasAddress)
            && writer.TryWriteAttribute(RadiusAttributeType.AcctSessionId, Encoding.UTF8.GetBytes(session.AcctSessionId))
            && (session.UserName is null || writer.TryWriteAttribute(RadiusAttributeType.UserName, Encoding.UTF8.GetBytes(session.UserName)))
            && (session.FramedIpAddress is not { AddressFamily: AddressFamily.InterNetwork } framed
                || writer.TryWriteAttribute(RadiusAttributeType.FramedIpAddress, framed.GetAddressBytes()));
        foreach (var attribute in attributes)
        {
            fits = fits && writer.TryWriteRaw(attribute.Encoded);
        }

        if (!fits)
        {
            return 0;
        }

        var packet = writer.Complete();
        RadiusSigner.SignComputedRequest(packet, secret);
        return packet.Length;
    }

    /// <summary>
    /// Checks a datagram from the NAS as the answer to <paramref name="request"/>: a well-formed ACK or NAK of
    /// the request's kind with its identifier, a valid Response Authenticator and, when present, a valid
    /// Message-Authenticator. Anything else is <see cref="DynamicAuthorizationAnswer.Invalid"/> and is to be
    /// ignored (RFC 5176 §3.5: silently discarded).
    /// </summary>
    public static DynamicAuthorizationAnswer Read(ReadOnlySpan<byte> response, ReadOnlySpan<byte> request, ReadOnlySpan<byte> secret)
    {
        if (RadiusPacketReader.TryParse(response, out var reader) != RadiusParseError.None
            || reader.Identifier != request[RadiusPacket.IdentifierOffset])
        {
            return DynamicAuthorizationAnswer.Invalid;
        }

        var requestCode = (RadiusCode)request[RadiusPacket.CodeOffset];
        var (ack, nak) = requestCode == RadiusCode.DisconnectRequest
            ? (RadiusCode.DisconnectAck, RadiusCode.DisconnectNak)
            : (RadiusCode.CoaAck, RadiusCode.CoaNak);
        if (reader.Code != ack && reader.Code != nak)
        {
            return DynamicAuthorizationAnswer.Invalid;
        }

        var requestAuthenticator = request.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength);
        if (!RadiusSigner.VerifyResponseAuthenticator(response, requestAuthenticator, secret))
        {
            return DynamicAuthorizationAnswer.Invalid;
        }

        uint? errorCause = null;
        var messageAuthenticators = 0;
        foreach (var attribute in reader)
        {
            if (attribute.Type == (byte)RadiusAttributeType.MessageAuthenticator)
            {
                // RFC 3579 §3.2: in a response it is computed with the request's authenticator in place.
                if (++messageAuthenticators > 1 || !RadiusSigner.VerifyMessageAuthenticator(response, attribute.ValueOffset, requestAuthenticator, secret))
                {
                    return DynamicAuthorizationAnswer.Invalid;
                }
            }
            else if (attribute.Type == (byte)RadiusAttributeType.ErrorCause && attribute.Value.Length == 4)
            {
                errorCause = BinaryPrimitives.ReadUInt32BigEndian(attribute.Value);
            }
        }

        return new DynamicAuthorizationAnswer(reader.Code, reader.Code == ack, errorCause);
    }

    private static bool WriteAddress(ref RadiusPacketWriter writer, IPAddress? address) => address switch
    {
        null => true,
        { AddressFamily: AddressFamily.InterNetwork } => writer.TryWriteAttribute(RadiusAttributeType.NasIpAddress, address.GetAddressBytes()),
        _ => writer.TryWriteAttribute(RadiusAttributeType.NasIpv6Address, address.GetAddressBytes()),
    };
}

/// <summary>A checked answer of a NAS: its code, whether it acknowledged, and its Error-Cause.</summary>
public readonly record struct DynamicAuthorizationAnswer(RadiusCode Code, bool Acknowledged, uint? ErrorCause)
{
    /// <summary>Not an answer to the request (malformed, wrong code or identifier, bad authenticator).</summary>
    public static DynamicAuthorizationAnswer Invalid => default;

    public bool IsValid => Code != default;
}
