using CsCheck;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Packets;

public class RadiusPacketPropertyTests
{
    private static readonly byte[] Secret = "property-secret"u8.ToArray();

    private static readonly Gen<(byte Type, byte[] Value)> AttributeGen =
        Gen.Select(Gen.Byte, Gen.Byte.Array[0, 253], (type, value) => (type, value));

    // Well-formed packets: a known code and a random list of attributes that fits 4096 bytes.
    private static readonly Gen<byte[]> ValidPacketGen = Gen.Select(
        Gen.Enum<RadiusCode>(),
        Gen.Byte,
        Gen.Byte.Array[16],
        AttributeGen.Array[0, 30],
        (code, identifier, authenticator, attributes) =>
        {
            var buffer = new byte[RadiusPacket.MaxLength];
            var writer = new RadiusPacketWriter(buffer, code, identifier, authenticator);
            foreach ((byte type, byte[] value) in attributes)
            {
                if (!writer.TryWriteAttribute(type, value))
                {
                    break;
                }
            }

            return writer.Complete().ToArray();
        });

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 4200].Sample(
            bytes =>
            {
                var error = RadiusPacketReader.TryParse(bytes, out var reader);
                if (error == RadiusParseError.None)
                {
                    AssertWalksExactly(reader);
                    _ = RadiusSigner.CheckRequestMessageAuthenticator(reader, Secret);
                }
            },
            iter: 30_000);
    }

    [Fact]
    public void Valid_packets_round_trip_and_mutations_never_throw()
    {
        Gen.Select(ValidPacketGen, Gen.Int[0, int.MaxValue], Gen.Byte).Sample(
            (packet, position, value) =>
            {
                Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
                AssertWalksExactly(reader);

                var mutated = (byte[])packet.Clone();
                mutated[position % mutated.Length] = value;
                if (RadiusPacketReader.TryParse(mutated, out var mutatedReader) == RadiusParseError.None)
                {
                    AssertWalksExactly(mutatedReader);
                }

                var truncated = packet.AsSpan(0, position % packet.Length);
                Assert.NotEqual(RadiusParseError.None, RadiusPacketReader.TryParse(truncated, out _));
            },
            iter: 30_000);
    }

    // The enumerator must cover the attribute area exactly: no byte skipped, none read twice.
    private static void AssertWalksExactly(RadiusPacketReader reader)
    {
        var covered = 0;
        foreach (var attribute in reader)
        {
            Assert.Equal(RadiusPacket.HeaderLength + covered, attribute.Offset);
            covered += attribute.Value.Length + 2;
        }

        Assert.Equal(reader.AttributeBytes.Length, covered);
    }
}
