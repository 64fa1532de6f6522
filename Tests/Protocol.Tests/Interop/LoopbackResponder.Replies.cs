using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>
/// The replies: Message-Authenticator first in every Access-* reply (the BlastRADIUS mitigation), hidden
/// values encrypted with the request's authenticator, every reply signed last.
/// </summary>
internal sealed partial class LoopbackResponder
{
    public const uint CiscoVendorId = 9;
    public const byte CiscoAvPairType = 1;
    public const int TunnelTypeVlan = 13;
    public const int TunnelMediumIeee802 = 6;

    private SentReply BuildAccept(in RadiusPacketReader request, Authentication outcome)
    {
        Span<byte> buffer = stackalloc byte[RadiusPacket.MaxLength];
        var writer = StartAccessReply(buffer, RadiusCode.AccessAccept, request);
        Require(writer.TryWriteAttribute(RadiusAttributeType.ReplyMessage, Encoding.UTF8.GetBytes(ReplyMessageText)));
        Require(writer.TryWriteVendorSpecific(CiscoVendorId, CiscoAvPairType, Encoding.UTF8.GetBytes(CiscoAvPairText)));
        Require(writer.TryWriteAttribute(RadiusAttributeType.TunnelType, TaggedInteger(ReplyTunnelTag, TunnelTypeVlan)));
        Require(writer.TryWriteAttribute(RadiusAttributeType.TunnelMediumType, TaggedInteger(ReplyTunnelTag, TunnelMediumIeee802)));
        Require(writer.TryWriteAttribute(RadiusAttributeType.TunnelPrivateGroupId, [ReplyTunnelTag, .. Encoding.UTF8.GetBytes(TunnelPrivateGroupIdText)]));

        // Three salted values at most in one packet: each needs its own salt (RFC 2868 §3.5).
        Span<ushort> salts = stackalloc ushort[3];
        RadiusSalt.FillDistinct(salts);
        Span<byte> hidden = stackalloc byte[RadiusPacket.MaxAttributeValueLength];
        Require(TunnelPasswordCipher.TryHide(Encoding.UTF8.GetBytes(TunnelPasswordText), ReplyTunnelTag, salts[0], _secret, request.Authenticator, hidden, out var written));
        Require(writer.TryWriteAttribute(RadiusAttributeType.TunnelPassword, hidden[..written]));

        var reply = new SentReply(RadiusCode.AccessAccept, [], TunnelPassword: TunnelPasswordText);
        if (outcome.Method == AuthenticationMethod.MsChapV1)
        {
            var ntKey = new byte[NtPasswordHash.Length];
            NtPasswordHash.ComputeHashHash(outcome.NtHash, ntKey);
            Require(MsChapV1.TryEncryptMppeKeys(ntKey, _secret, request.Authenticator, hidden, out written));
            Require(writer.TryWriteVendorSpecific(MicrosoftVendorId, MsChapMppeKeysType, hidden[..written]));
            reply = reply with { MsChapMppeKeys = [.. new byte[8], .. ntKey, .. new byte[8]] };
        }
        else if (outcome.Method == AuthenticationMethod.MsChapV2)
        {
            Require(MsChap2Response.TryParse(outcome.Response, out var response));
            Span<byte> success = stackalloc byte[MsChapV2.SuccessValueLength];
            Require(MsChapV2.TryWriteSuccess(response, outcome.Challenge, outcome.UserName, outcome.NtHash, success, out written));
            Require(writer.TryWriteVendorSpecific(MicrosoftVendorId, MsChap2SuccessType, success[..written]));

            var sendKey = new byte[MppeKeyDerivation.KeyLength];
            var receiveKey = new byte[MppeKeyDerivation.KeyLength];
            MppeKeyDerivation.GetMsChapV2ServerKeys(outcome.NtHash, response.NtResponse, sendKey, receiveKey);
            Require(SaltEncryption.TryEncrypt(sendKey, salts[1], _secret, request.Authenticator, hidden, out written));
            Require(writer.TryWriteVendorSpecific(MicrosoftVendorId, MsMppeSendKeyType, hidden[..written]));
            Require(SaltEncryption.TryEncrypt(receiveKey, salts[2], _secret, request.Authenticator, hidden, out written));
            Require(writer.TryWriteVendorSpecific(MicrosoftVendorId, MsMppeRecvKeyType, hidden[..written]));
            reply = reply with { MsChap2Success = success.ToArray(), MppeSendKey = sendKey, MppeRecvKey = receiveKey };
        }

        return reply with { Datagram = Finish(ref writer, request) };
    }

    private SentReply BuildReject(in RadiusPacketReader request)
    {
        Span<byte> buffer = stackalloc byte[RadiusPacket.MaxLength];
        var writer = StartAccessReply(buffer, RadiusCode.AccessReject, request);
        Require(writer.TryWriteAttribute(RadiusAttributeType.ReplyMessage, Encoding.UTF8.GetBytes(RejectMessageText)));
        return new SentReply(RadiusCode.AccessReject, Finish(ref writer, request));
    }

    /// <summary>RFC 5997 §3: a server answers Status-Server on its authentication port with Access-Accept.</summary>
    private SentReply BuildStatusReply(in RadiusPacketReader request)
    {
        Span<byte> buffer = stackalloc byte[RadiusPacket.MaxLength];
        var writer = StartAccessReply(buffer, RadiusCode.AccessAccept, request);
        return new SentReply(RadiusCode.AccessAccept, Finish(ref writer, request));
    }

    private SentReply BuildAccountingResponse(in RadiusPacketReader request)
    {
        Span<byte> buffer = stackalloc byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccountingResponse, request.Identifier, request.Authenticator);
        return new SentReply(RadiusCode.AccountingResponse, Finish(ref writer, request));
    }

    private static RadiusPacketWriter StartAccessReply(Span<byte> buffer, RadiusCode code, in RadiusPacketReader request)
    {
        var writer = new RadiusPacketWriter(buffer, code, request.Identifier, request.Authenticator);

        // BlastRADIUS (CVE-2024-3596): Message-Authenticator first, so no chosen prefix can precede it.
        Require(writer.TryWriteMessageAuthenticatorPlaceholder());
        return writer;
    }

    /// <summary>Copies the request's Proxy-State attributes (RFC 2865 §5.33), completes and signs the reply.</summary>
    private byte[] Finish(ref RadiusPacketWriter writer, in RadiusPacketReader request)
    {
        foreach (var attribute in request)
        {
            if (attribute.Type == (byte)RadiusAttributeType.ProxyState)
            {
                Require(writer.TryWriteAttribute(attribute.Type, attribute.Value));
            }
        }

        var packet = writer.Complete();
        RadiusSigner.SignResponse(packet, request.Authenticator, _secret);
        return packet.ToArray();
    }

    private static byte[] TaggedInteger(byte tag, int value) => [tag, (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static void Require(bool written)
    {
        if (!written)
        {
            throw new InvalidOperationException("the reply did not fit or a value was refused");
        }
    }
}
