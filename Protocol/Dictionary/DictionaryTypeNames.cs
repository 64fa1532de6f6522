using System.Collections.Frozen;
using Orleans.Radius.Protocol.Attributes;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>The FreeRADIUS dictionary type names (including their aliases) and the data types they mean.</summary>
internal static class DictionaryTypeNames
{
    // FreeRADIUS compares type names without case ("String" occurs in dictionary.juniper).
    private static readonly FrozenDictionary<string, RadiusDataType> Types = new Dictionary<string, RadiusDataType>(StringComparer.OrdinalIgnoreCase)
    {
        ["integer"] = RadiusDataType.Integer,
        ["uint32"] = RadiusDataType.Integer,
        ["string"] = RadiusDataType.Text,
        ["octets"] = RadiusDataType.Octets,
        ["abinary"] = RadiusDataType.Octets,
        ["ipaddr"] = RadiusDataType.IPv4Address,
        ["ipv6addr"] = RadiusDataType.IPv6Address,
        ["ipv6prefix"] = RadiusDataType.IPv6Prefix,
        ["ipv4prefix"] = RadiusDataType.IPv4Prefix,
        ["cidr"] = RadiusDataType.IPv4Prefix,
        ["ifid"] = RadiusDataType.InterfaceId,
        ["date"] = RadiusDataType.Time,
        ["integer64"] = RadiusDataType.Integer64,
        ["uint64"] = RadiusDataType.Integer64,
        ["byte"] = RadiusDataType.Byte,
        ["uint8"] = RadiusDataType.Byte,
        ["short"] = RadiusDataType.Short,
        ["uint16"] = RadiusDataType.Short,
        ["signed"] = RadiusDataType.Signed,
        ["int32"] = RadiusDataType.Signed,
        ["ether"] = RadiusDataType.Ether,
        ["combo-ip"] = RadiusDataType.ComboIPAddress,
        ["tlv"] = RadiusDataType.Tlv,
        ["vsa"] = RadiusDataType.Vsa,
        ["extended"] = RadiusDataType.Extended,
        ["long-extended"] = RadiusDataType.LongExtended,
        ["evs"] = RadiusDataType.ExtendedVendorSpecific,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // RFC 2865 §5: a value is at most 253 octets; a fixed size beyond that can never be sent.
    private const int MaxFixedLength = 253;

    /// <summary>Parses <c>type</c> or <c>octets[N]</c>; false with a reason when neither.</summary>
    public static bool TryParse(string text, out RadiusDataType type, out int fixedLength, out string error)
    {
        fixedLength = 0;
        error = "";
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            if (Types.TryGetValue(text, out type))
            {
                return true;
            }

            error = $"unknown data type \"{text}\"";
            return false;
        }

        type = RadiusDataType.Octets;
        var baseName = text[..bracket];
        if (!baseName.Equals("octets", StringComparison.OrdinalIgnoreCase) || text[^1] != ']')
        {
            error = $"only \"octets[N]\" may have a size, not \"{text}\"";
            return false;
        }

        if (!int.TryParse(text.AsSpan(bracket + 1, text.Length - bracket - 2), System.Globalization.NumberStyles.None, null, out fixedLength)
            || fixedLength is < 1 or > MaxFixedLength)
        {
            error = $"invalid size in \"{text}\" (1-{MaxFixedLength})";
            return false;
        }

        return true;
    }
}
