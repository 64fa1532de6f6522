using Orleans.Radius.Grains;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// The attributes of a reply to an EAP round (RFC 3579 §3.1): the EAP packet split into EAP-Message
/// attributes of at most 253 bytes each, the State on an Access-Challenge, then the conversation's attributes.
/// </summary>
internal static class EapReplyAttributes
{
    public static List<ReplyAttribute> Build(byte[] eapPacket, byte[]? state, IReadOnlyList<ReplyAttribute> attributes)
    {
        var reply = new List<ReplyAttribute>((eapPacket.Length / RadiusPacket.MaxAttributeValueLength) + 2 + attributes.Count);
        for (var offset = 0; offset < eapPacket.Length; offset += RadiusPacket.MaxAttributeValueLength)
        {
            var length = Math.Min(RadiusPacket.MaxAttributeValueLength, eapPacket.Length - offset);
            reply.Add(Raw(RadiusAttributeType.EapMessage, eapPacket.AsSpan(offset, length)));
        }

        if (state is not null)
        {
            reply.Add(Raw(RadiusAttributeType.State, state));
        }

        reply.AddRange(attributes);
        return reply;
    }

    private static ReplyAttribute Raw(RadiusAttributeType type, ReadOnlySpan<byte> value)
    {
        var encoded = new byte[value.Length + 2];
        encoded[0] = (byte)type;
        encoded[1] = (byte)encoded.Length;
        value.CopyTo(encoded.AsSpan(2));
        return new ReplyAttribute(encoded, ReplyEncryption.None);
    }
}
