using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Radius.Protocol.Attributes;

public static partial class RadiusValueText
{
    /// <summary>
    /// Parses configuration text into the wire value of <paramref name="type"/>. False (with nothing usable
    /// written) for text the type does not accept or a destination too small for the value.
    /// </summary>
    /// <remarks>
    /// string and octets accept "0x…" hex or, otherwise, the text's UTF-8 bytes; container types (tlv, vsa,
    /// extended, …) accept only hex and must then frame correctly.
    /// </remarks>
    public static bool TryParse(RadiusDataType type, string text, Span<byte> destination, out int written, Func<string, uint?>? enumValue = null)
    {
        written = 0;
        switch (type)
        {
            case RadiusDataType.Integer:
                return TryParseUnsigned(text, uint.MaxValue, out var integer)
                    && RadiusValueCodec.TryEncodeUInt32((uint)integer, destination, out written);
            case RadiusDataType.Enum:
                return (TryParseUnsigned(text, uint.MaxValue, out var number) ? (uint?)number : enumValue?.Invoke(text)) is { } member
                    && RadiusValueCodec.TryEncodeUInt32(member, destination, out written);
            case RadiusDataType.Time:
                return TryParseTime(text, out var time) && RadiusValueCodec.TryEncodeTime(time, destination, out written);
            case RadiusDataType.Signed:
                return TryParseSigned(text, out var signed) && RadiusValueCodec.TryEncodeInt32(signed, destination, out written);
            case RadiusDataType.Integer64:
                return TryParseUnsigned(text, ulong.MaxValue, out var integer64)
                    && RadiusValueCodec.TryEncodeUInt64(integer64, destination, out written);
            case RadiusDataType.Byte:
                return TryParseUnsigned(text, byte.MaxValue, out var small) && RadiusValueCodec.TryEncodeByte((byte)small, destination, out written);
            case RadiusDataType.Short:
                return TryParseUnsigned(text, ushort.MaxValue, out var word)
                    && RadiusValueCodec.TryEncodeUInt16((ushort)word, destination, out written);
            case RadiusDataType.IPv4Address:
                return TryParseAddress(text, out var v4) && RadiusValueCodec.TryEncodeIPv4Address(v4, destination, out written);
            case RadiusDataType.IPv6Address:
                return TryParseAddress(text, out var v6) && RadiusValueCodec.TryEncodeIPv6Address(v6, destination, out written);
            case RadiusDataType.ComboIPAddress:
                return TryParseAddress(text, out var any) && RadiusValueCodec.TryEncodeComboAddress(any, destination, out written);
            case RadiusDataType.IPv6Prefix:
                return TryParsePrefix(text, out var prefix6) && RadiusValueCodec.TryEncodeIPv6Prefix(prefix6, destination, out written);
            case RadiusDataType.IPv4Prefix:
                return TryParsePrefix(text, out var prefix4) && RadiusValueCodec.TryEncodeIPv4Prefix(prefix4, destination, out written);
            case RadiusDataType.InterfaceId:
                return TryParseGroups(text, 2, 4, destination, out written);
            case RadiusDataType.Ether:
                return TryParseGroups(text, 1, 6, destination, out written);
            case RadiusDataType.Text:
                return RadiusValueCodec.TryEncodeText(text, destination, out written);
            case RadiusDataType.String or RadiusDataType.Octets:
                return IsHex(text) ? TryParseHex(text, destination, out written) : RadiusValueCodec.TryEncodeText(text, destination, out written);
            default:
                if (IsHex(text) && TryParseHex(text, destination, out written)
                    && RadiusValueCodec.Validate(type, destination[..written]) == RadiusValueError.None)
                {
                    return true;
                }

                written = 0;
                return false;
        }
    }

    private static bool IsHex(string text) => text.StartsWith(HexPrefix, StringComparison.OrdinalIgnoreCase);

    // Decimal digits only (no sign, no spaces) or 0x followed by hex digits.
    private static bool TryParseUnsigned(string text, ulong max, out ulong value)
    {
        var parsed = IsHex(text)
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return parsed && value <= max;
    }

    private static bool TryParseSigned(string text, out int value)
    {
        if (IsHex(text))
        {
            var parsed = uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits);
            value = unchecked((int)bits);
            return parsed;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // Unix seconds when the text is all digits, otherwise an ISO-8601 instant; a time without an offset is UTC.
    private static bool TryParseTime(string text, out DateTimeOffset time)
    {
        if (TryParseUnsigned(text, uint.MaxValue, out var seconds))
        {
            time = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    // IPAddress.TryParse also takes "10" or "10.1" (inet_aton forms); configuration wants the written-out form.
    private static bool TryParseAddress(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (!IPAddress.TryParse(text, out var parsed)
            || (parsed.AddressFamily == AddressFamily.InterNetwork && text.AsSpan().Count('.') != 3)
            || (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.ScopeId != 0))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    // "2001:db8::/32". Host bits are a typo, not something to mask away silently: the address must be the prefix.
    private static bool TryParsePrefix(string text, out IPNetwork prefix)
    {
        prefix = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && TryParseAddress(text[..slash], out var address)
            && IPNetwork.TryParse(text, out prefix)
            && prefix.BaseAddress.Equals(address);
    }

    private static bool TryParseHex(string text, Span<byte> destination, out int written)
    {
        written = 0;
        var digits = text.AsSpan(2);
        if (digits.IsEmpty || digits.Length % 2 != 0 || digits.Length / 2 > destination.Length
            || Convert.FromHexString(digits, destination, out _, out var count) != OperationStatus.Done)
        {
            return false;
        }

        written = count;
        return true;
    }

    // "00:11:22:33:44:55" (ether, ':' or '-') and "0011:2233:4455:6677" (ifid): fixed groups of 2·bytesPerGroup hex digits.
    private static bool TryParseGroups(string text, int bytesPerGroup, int groups, Span<byte> destination, out int written)
    {
        written = 0;
        var digitsPerGroup = bytesPerGroup * 2;
        if (text.Length != (groups * (digitsPerGroup + 1)) - 1 || destination.Length < groups * bytesPerGroup)
        {
            return false;
        }

        var separator = text.Length > digitsPerGroup ? text[digitsPerGroup] : ':';
        if (separator is not (':' or '-'))
        {
            return false;
        }

        for (var group = 0; group < groups; group++)
        {
            var start = group * (digitsPerGroup + 1);
            if ((group > 0 && text[start - 1] != separator)
                || Convert.FromHexString(text.AsSpan(start, digitsPerGroup), destination.Slice(group * bytesPerGroup, bytesPerGroup), out _, out _)
                    != OperationStatus.Done)
            {
                return false;
            }
        }

        written = groups * bytesPerGroup;
        return true;
    }
}
