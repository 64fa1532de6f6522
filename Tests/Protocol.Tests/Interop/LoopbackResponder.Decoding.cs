using System.Buffers.Binary;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>Attribute decoding: Vendor-Specific sub-attributes and tagged tunnel attributes.</summary>
internal sealed partial class LoopbackResponder
{
    private const int VendorIdLength = 4;
    private const byte MaxTag = 0x1F;

    // RFC 2868 §3: Tunnel-Type, Tunnel-Medium-Type and Tunnel-Preference are Tag(1) ‖ Value(3).
    private static readonly byte[] TaggedIntegerTypes = [64, 65, 83];

    // RFC 2868 §3: Tunnel-Client/Server-Endpoint, Tunnel-Private-Group-Id, Tunnel-Assignment-Id,
    // Tunnel-Client/Server-Auth-Id carry an optional tag before the string.
    private static readonly byte[] TaggedStringTypes = [66, 67, 81, 82, 90, 91];

    private static List<RawAttribute> DecodeRawAttributes(in RadiusPacketReader reader)
    {
        var attributes = new List<RawAttribute>();
        foreach (var attribute in reader)
        {
            attributes.Add(new RawAttribute(attribute.Type, attribute.Value.ToArray()));
        }

        return attributes;
    }

    /// <summary>
    /// Splits every Vendor-Specific attribute into its sub-attributes. False when one does not follow the
    /// RFC 2865 §5.26 layout: every vendor length comes from the wire and is checked before it is used.
    /// </summary>
    private static bool TryDecodeVendorAttributes(IReadOnlyList<RawAttribute> attributes, out List<VendorAttribute> vendorAttributes)
    {
        vendorAttributes = [];
        foreach (var attribute in attributes.Where(a => a.Type == (byte)RadiusAttributeType.VendorSpecific))
        {
            var value = attribute.Value.AsSpan();
            if (value.Length < VendorIdLength + 2)
            {
                return false;
            }

            var vendorId = BinaryPrimitives.ReadUInt32BigEndian(value);
            var rest = value[VendorIdLength..];
            while (!rest.IsEmpty)
            {
                if (rest.Length < 2 || rest[1] < 2 || rest[1] > rest.Length)
                {
                    return false;
                }

                vendorAttributes.Add(new VendorAttribute(vendorId, rest[0], rest[2..rest[1]].ToArray()));
                rest = rest[rest[1]..];
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the tag of every tunnel attribute. False for a tagged integer that is not 4 bytes. A string's
    /// first byte is a tag only when it is at most 0x1F; otherwise it is the string's first character.
    /// </summary>
    private static bool TryDecodeTunnelAttributes(IReadOnlyList<RawAttribute> attributes, out List<TaggedAttribute> tunnelAttributes)
    {
        tunnelAttributes = [];
        foreach (var attribute in attributes)
        {
            var value = attribute.Value;
            if (TaggedIntegerTypes.Contains(attribute.Type))
            {
                if (value.Length != 4)
                {
                    return false;
                }

                tunnelAttributes.Add(new TaggedAttribute((RadiusAttributeType)attribute.Type, value[0], value[1..]));
            }
            else if (TaggedStringTypes.Contains(attribute.Type))
            {
                var tagged = value.Length > 0 && value[0] <= MaxTag;
                tunnelAttributes.Add(new TaggedAttribute((RadiusAttributeType)attribute.Type, tagged ? value[0] : (byte)0, tagged ? value[1..] : value));
            }
        }

        return true;
    }
}
