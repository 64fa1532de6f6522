using CsCheck;
using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Attributes;

/// <summary>Random bytes at every reader: each must answer with a result, never an exception.</summary>
public class AttributeReaderPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 600];

    [Fact]
    public void Value_codec_and_formatter_never_throw() =>
        Gen.Select(Gen.Enum<RadiusDataType>(), Bytes).Sample((type, value) =>
        {
            var error = RadiusValueCodec.Validate(type, value);
            var formatted = RadiusValueText.TryFormat(type, value, out var text);
            Assert.Equal(error == RadiusValueError.None, formatted);
            if (formatted && type is not (RadiusDataType.Enum or RadiusDataType.Unknown))
            {
                // Whatever formats must parse back to the same bytes.
                var buffer = new byte[value.Length + 16];
                if (value.Length > 0)
                {
                    Assert.True(RadiusValueText.TryParse(type, text!, buffer, out var written), $"{type} {text}");
                    Assert.Equal(value, buffer[..written]);
                }
            }

            RadiusValueCodec.TryDecodeIPv6Prefix(value, out _);
            RadiusValueCodec.TryDecodeIPv4Prefix(value, out _);
            RadiusValueCodec.TryDecodeText(value, out _);
        }, iter: Iterations);

    [Fact]
    public void Vendor_specific_reader_never_throws() =>
        Gen.Select(Gen.Int[0, 4], Bytes).Sample((formatIndex, value) =>
        {
            var format = RadiusVendorSpecificTests.AllFormats()[formatIndex];
            if (RadiusVendorSpecificReader.TryCreate(value, format, out var reader) == RadiusVendorSpecificError.None)
            {
                var total = 0;
                foreach (var attribute in reader)
                {
                    total += format.HeaderSize + attribute.Value.Length;
                }

                Assert.Equal(value.Length - 4, total);
            }

            RadiusVendorSpecificReader.TryGetVendorId(value, out _);
        }, iter: Iterations);

    [Fact]
    public void Tlv_reader_never_throws() =>
        Bytes.Sample(value =>
        {
            if (RadiusTlvReader.TryCreate(value, out var reader) == RadiusTlvError.None)
            {
                Walk(reader);
            }
        }, iter: Iterations);

    [Fact]
    public void Extended_long_extended_and_eap_readers_never_throw() =>
        Gen.Select(Bytes, Gen.Int[0, 600]).Sample((attributes, offset) =>
        {
            var destination = new byte[RadiusPacket.MaxLength];
            RadiusLongExtended.TryJoin(attributes, offset, destination, out _, out var written, out var next);
            Assert.InRange(written, 0, attributes.Length);
            Assert.InRange(next, 0, attributes.Length);
            RadiusEapMessage.TryJoin(attributes, destination, out _);
            RadiusAttributeConcatenation.TryJoin(attributes, 26, destination.AsSpan(0, 100), out _);
            RadiusExtendedAttribute.TryReadExtended(attributes, out _, out _);
            RadiusExtendedAttribute.TryReadLongExtended(attributes, out _, out _, out _);
            RadiusExtendedAttribute.TryReadVendorSpecific(attributes, out _, out _, out _);
            RadiusTaggedValue.ReadString(attributes, out _, out _);
            RadiusTaggedValue.TryReadInteger(attributes, out _, out _);
            RadiusTaggedValue.TryReadTunnelPassword(attributes, out _, out _, out _);
        }, iter: Iterations);

    // Opens every TLV as if it were nested, as a dictionary marking all of them "tlv" would.
    private static void Walk(RadiusTlvReader reader)
    {
        foreach (var tlv in reader)
        {
            if (reader.TryOpenNested(tlv.Value, out var nested) == RadiusTlvError.None)
            {
                Walk(nested);
            }
        }
    }
}
