using System.Buffers.Binary;
using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Attributes.RadiusValueCodecTests;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusEapMessageTests
{
    [Fact]
    public void Split_and_join_round_trip_for_eap_packets_of_4_to_4000_bytes()
    {
        var destination = new byte[RadiusPacket.MaxLength];
        for (var size = 4; size <= 4000; size++)
        {
            var eap = EapPacket(size);
            var packet = Write(eap);
            Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
            Assert.Equal((size + 252) / 253, reader.CountAttributes(RadiusAttributeType.EapMessage));
            Assert.Equal(RadiusConcatError.None, RadiusEapMessage.TryJoin(reader, destination, out var written));
            Assert.Equal(eap, destination[..written]);
        }
    }

    [Fact]
    public void Pieces_are_253_bytes_but_the_last()
    {
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(Write(EapPacket(600)), out var reader));
        var lengths = new List<int>();
        foreach (var attribute in reader)
        {
            if (attribute.Type == (byte)RadiusAttributeType.EapMessage)
            {
                lengths.Add(attribute.Value.Length);
            }
        }

        Assert.Equal([253, 253, 94], lengths);
    }

    [Fact]
    public void Reports_each_kind_of_bad_eap_message()
    {
        var destination = new byte[RadiusPacket.MaxLength];
        Assert.Equal(RadiusConcatError.Missing, RadiusEapMessage.TryJoin(Hex("01 03 61"), destination, out _));
        Assert.Equal(RadiusConcatError.EapHeaderTruncated, RadiusEapMessage.TryJoin(Hex("4f 05 02 01 00"), destination, out _));
        Assert.Equal(RadiusConcatError.EapLengthMismatch, RadiusEapMessage.TryJoin(Hex("4f 07 02 01 00 06 01"), destination, out var written));
        Assert.Equal(0, written);
        Assert.Equal(RadiusConcatError.EapLengthMismatch, RadiusEapMessage.TryJoin(Hex("4f 07 02 01 00 04 01"), destination, out _));
        Assert.Equal(RadiusConcatError.None, RadiusEapMessage.TryJoin(Hex("4f 04 02 01 4f 04 00 04"), destination, out written));
        Assert.Equal(Hex("02 01 00 04"), destination[..written]);
        Assert.Equal(RadiusConcatError.NotConsecutive, RadiusEapMessage.TryJoin(Hex("4f 04 02 01 01 03 61 4f 04 00 04"), destination, out _));
        Assert.Equal(RadiusConcatError.DestinationTooSmall, RadiusEapMessage.TryJoin(Hex("4f 06 02 01 00 04"), new byte[3], out _));
        Assert.Equal(RadiusConcatError.TooLarge, RadiusEapMessage.TryJoin(Hex("4f 06 02 01 00 04"), destination, out _, maxLength: 3));
        Assert.Equal(RadiusConcatError.Malformed, RadiusEapMessage.TryJoin(Hex("4f 07 02 01 00 04"), destination, out _));
    }

    [Fact]
    public void Every_truncation_of_the_attributes_is_rejected()
    {
        var attributes = Write(EapPacket(700))[RadiusPacket.HeaderLength..];
        var destination = new byte[RadiusPacket.MaxLength];
        // The Message-Authenticator (18 bytes) follows the EAP-Messages: cutting exactly before it leaves a whole message.
        var eapEnd = attributes.Length - 18;
        for (var length = 0; length < attributes.Length; length++)
        {
            var error = RadiusEapMessage.TryJoin(attributes.AsSpan(0, length), destination, out _);
            Assert.Equal(length == eapEnd, error == RadiusConcatError.None);
        }
    }

    [Fact]
    public void Writer_refuses_a_packet_that_is_not_whole_or_does_not_fit()
    {
        var writer = new RadiusPacketWriter(new byte[RadiusPacket.MaxLength], RadiusCode.AccessChallenge, 1, default);
        Assert.False(RadiusEapMessage.TryWrite(ref writer, Hex("02 01 00")));
        Assert.False(RadiusEapMessage.TryWrite(ref writer, Hex("02 01 00 05")));
        Assert.False(RadiusEapMessage.TryWrite(ref writer, EapPacket(4060)));
        Assert.Equal(RadiusPacket.HeaderLength, writer.Length);
        Assert.True(RadiusEapMessage.TryWrite(ref writer, EapPacket(4044)));
        Assert.Equal(RadiusPacket.MaxLength, writer.Length);
    }

    [Fact]
    public void Generic_concat_joins_any_attribute_type()
    {
        var data = Enumerable.Range(0, 700).Select(i => (byte)i).ToArray();
        var writer = new RadiusPacketWriter(new byte[RadiusPacket.MaxLength], RadiusCode.AccessAccept, 1, default);
        Assert.True(RadiusAttributeConcatenation.TryWriteSplit(ref writer, 26, data));
        Assert.False(RadiusAttributeConcatenation.TryWriteSplit(ref writer, 26, []));
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(writer.Complete(), out var reader));
        var destination = new byte[1000];
        Assert.Equal(RadiusConcatError.None, RadiusAttributeConcatenation.TryJoin(reader, 26, destination, out var written));
        Assert.Equal(data, destination[..written]);
    }

    internal static byte[] EapPacket(int size)
    {
        var eap = new byte[size];
        eap[0] = 2;
        eap[1] = (byte)size;
        BinaryPrimitives.WriteUInt16BigEndian(eap.AsSpan(2), (ushort)size);
        for (var i = 4; i < size; i++)
        {
            eap[i] = (byte)(i * 31);
        }

        return eap;
    }

    private static byte[] Write(byte[] eap)
    {
        var writer = new RadiusPacketWriter(new byte[RadiusPacket.MaxLength], RadiusCode.AccessChallenge, 9, default);
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.State, "s"u8));
        Assert.True(RadiusEapMessage.TryWrite(ref writer, eap));
        Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        return writer.Complete().ToArray();
    }
}
