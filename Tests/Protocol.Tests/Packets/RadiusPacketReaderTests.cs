using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Packets;

public class RadiusPacketReaderTests
{
    [Fact]
    public void Parses_header_and_attributes_of_a_valid_packet()
    {
        var packet = BuildSample();
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
        Assert.Equal(RadiusCode.AccessRequest, reader.Code);
        Assert.Equal(7, reader.Identifier);
        Assert.Equal(packet.Length, reader.Length);
        Assert.True(reader.TryGetAttribute(RadiusAttributeType.UserName, out var userName));
        Assert.Equal("nemo"u8.ToArray(), userName.Value.ToArray());
        Assert.Equal(2, reader.CountAttributes(RadiusAttributeType.ReplyMessage));
    }

    [Fact]
    public void Rejects_every_truncation_without_throwing()
    {
        var packet = BuildSample();
        for (var length = 0; length < packet.Length; length++)
        {
            Assert.NotEqual(RadiusParseError.None, RadiusPacketReader.TryParse(packet.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void Rejects_every_single_byte_corruption_of_a_length_field()
    {
        // Some corruptions still frame (an attribute swallowing its neighbour); the framing check and the
        // Message-Authenticator together must refuse every one of them, and neither may throw.
        var secret = "xyzzy5461"u8.ToArray();
        var packet = BuildSample();
        RadiusSigner.SignAccessRequest(packet, secret);
        var lengthPositions = new List<int> { RadiusPacket.LengthOffset, RadiusPacket.LengthOffset + 1 };
        for (var offset = RadiusPacket.HeaderLength; offset < packet.Length; offset += packet[offset + 1])
        {
            lengthPositions.Add(offset + 1);
        }

        foreach (var position in lengthPositions)
        {
            for (var value = 0; value < 256; value++)
            {
                if (value == packet[position])
                {
                    continue;
                }

                var corrupt = (byte[])packet.Clone();
                corrupt[position] = (byte)value;
                var error = RadiusPacketReader.TryParse(corrupt, out var reader);
                Assert.True(
                    error != RadiusParseError.None
                    || RadiusSigner.CheckRequestMessageAuthenticator(reader, secret) != MessageAuthenticatorCheck.Valid,
                    $"byte {position} = {value} was accepted");
            }
        }
    }

    [Theory]
    [InlineData(19, RadiusParseError.TooShort)]
    [InlineData(4097, RadiusParseError.TooLong)]
    public void Rejects_sizes_outside_the_rfc_range(int size, RadiusParseError expected)
    {
        var buffer = new byte[size];
        buffer[0] = 1;
        Assert.Equal(expected, RadiusPacketReader.TryParse(buffer, out _));
    }

    [Fact]
    public void Rejects_unknown_codes_and_zero_length_attributes()
    {
        var packet = BuildSample();
        packet[0] = 99;
        Assert.Equal(RadiusParseError.UnknownCode, RadiusPacketReader.TryParse(packet, out _));

        var zeroLength = BuildSample();
        zeroLength[RadiusPacket.HeaderLength + 1] = 0;
        Assert.Equal(RadiusParseError.AttributeLengthTooSmall, RadiusPacketReader.TryParse(zeroLength, out _));
    }

    [Fact]
    public void Accepts_the_largest_packet()
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessAccept, 1, default);
        while (writer.Remaining >= 2)
        {
            Assert.True(writer.TryWriteAttribute(RadiusAttributeType.ReplyMessage, new byte[Math.Min(253, writer.Remaining - 2)]));
        }

        var packet = writer.Complete();
        Assert.Equal(RadiusPacket.MaxLength, packet.Length);
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out _));
    }

    internal static byte[] BuildSample()
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, 7, Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.UserName, "nemo"u8));
        Assert.True(writer.TryWriteUInt32(RadiusAttributeType.NasPort, 3));
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.ReplyMessage, "a"u8));
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.ReplyMessage, ""u8));
        Assert.True(writer.TryWriteVendorSpecific(311, 1, [1, 2, 3]));
        Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        return writer.Complete().ToArray();
    }
}
