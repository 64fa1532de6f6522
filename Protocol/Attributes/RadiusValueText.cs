using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Converts attribute values to and from the text used in configuration and logs: decimal or 0x-hex numbers,
/// ISO-8601 times, IP addresses and "2001:db8::/32" prefixes, "00:11:22:33:44:55" MACs, "0x…" octets.
/// </summary>
/// <remarks>
/// Enum names live in the dictionary, so enum values are numbers here: the optional delegates let the dictionary
/// name a number when formatting and resolve a name when parsing.
/// </remarks>
public static partial class RadiusValueText
{
    private const string HexPrefix = "0x";

    /// <summary>Formats a wire value of <paramref name="type"/>; false when the value is not valid for the type.</summary>
    public static bool TryFormat(RadiusDataType type, ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? text, Func<uint, string?>? enumName = null)
    {
        text = null;
        if (RadiusValueCodec.Validate(type, value) != RadiusValueError.None)
        {
            return false;
        }

        var invariant = CultureInfo.InvariantCulture;
        text = type switch
        {
            RadiusDataType.Integer => BinaryPrimitives.ReadUInt32BigEndian(value).ToString(invariant),
            RadiusDataType.Enum => enumName?.Invoke(BinaryPrimitives.ReadUInt32BigEndian(value))
                ?? BinaryPrimitives.ReadUInt32BigEndian(value).ToString(invariant),
            RadiusDataType.Time => DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(value))
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant),
            RadiusDataType.Signed => BinaryPrimitives.ReadInt32BigEndian(value).ToString(invariant),
            RadiusDataType.Integer64 => BinaryPrimitives.ReadUInt64BigEndian(value).ToString(invariant),
            RadiusDataType.Byte => value[0].ToString(invariant),
            RadiusDataType.Short => BinaryPrimitives.ReadUInt16BigEndian(value).ToString(invariant),
            RadiusDataType.IPv4Address or RadiusDataType.IPv6Address or RadiusDataType.ComboIPAddress => new IPAddress(value).ToString(),
            RadiusDataType.IPv6Prefix => RadiusValueCodec.TryDecodeIPv6Prefix(value, out var v6) == RadiusValueError.None ? v6.ToString() : null,
            RadiusDataType.IPv4Prefix => RadiusValueCodec.TryDecodeIPv4Prefix(value, out var v4) == RadiusValueError.None ? v4.ToString() : null,
            RadiusDataType.InterfaceId => FormatGroups(value, 2, ':'),
            RadiusDataType.Ether => FormatGroups(value, 1, ':'),
            RadiusDataType.Text => Encoding.UTF8.GetString(value),
            RadiusDataType.String => IsPlainText(value) ? Encoding.UTF8.GetString(value) : HexPrefix + Convert.ToHexStringLower(value),
            _ => HexPrefix + Convert.ToHexStringLower(value),
        };
        return text is not null;
    }

    // Shown as text only when it parses back to the same bytes: printable UTF-8 that does not look like hex.
    private static bool IsPlainText(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || !System.Text.Unicode.Utf8.IsValid(value) || value.StartsWith("0x"u8) || value.StartsWith("0X"u8))
        {
            return false;
        }

        foreach (var b in value)
        {
            if (b < 0x20 || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string FormatGroups(ReadOnlySpan<byte> value, int bytesPerGroup, char separator)
    {
        var builder = new StringBuilder(value.Length * 3);
        for (var i = 0; i < value.Length; i += bytesPerGroup)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(Convert.ToHexStringLower(value.Slice(i, bytesPerGroup)));
        }

        return builder.ToString();
    }
}
