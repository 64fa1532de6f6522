using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Decodes and encodes attribute values of the RFC 8044 data types. Decoders take exactly the value bytes
/// (as <see cref="RadiusAttribute.Value"/> gives them) and refuse any length the type does not allow.
/// </summary>
/// <remarks>
/// Encoders write into a caller's span and fail, writing nothing useful, when it is too small. The 253-byte cap
/// of a standard attribute belongs to the container: pass a destination no longer than the attribute allows.
/// </remarks>
public static partial class RadiusValueCodec
{
    public const int IntegerLength = 4;
    public const int Integer64Length = 8;
    public const int IPv4AddressLength = 4;
    public const int IPv6AddressLength = 16;
    public const int IPv4PrefixLength = 6;
    public const int IPv6PrefixMinLength = 2;
    public const int IPv6PrefixMaxLength = 18;
    public const int InterfaceIdLength = 8;
    public const int EtherLength = 6;

    /// <summary>Checks that <paramref name="value"/> is a well-formed value of <paramref name="type"/>.</summary>
    /// <remarks>Text, string and octets may be empty here: readers accept what RFC 2865 §5 only forbids senders to send.</remarks>
    public static RadiusValueError Validate(RadiusDataType type, ReadOnlySpan<byte> value) => type switch
    {
        RadiusDataType.Integer or RadiusDataType.Enum or RadiusDataType.Time or RadiusDataType.Signed
            or RadiusDataType.IPv4Address => Exactly(value, 4),
        RadiusDataType.Integer64 or RadiusDataType.InterfaceId => Exactly(value, 8),
        RadiusDataType.IPv6Address => Exactly(value, IPv6AddressLength),
        RadiusDataType.ComboIPAddress => value.Length is IPv4AddressLength or IPv6AddressLength ? RadiusValueError.None : RadiusValueError.WrongLength,
        RadiusDataType.Byte => Exactly(value, 1),
        RadiusDataType.Short => Exactly(value, 2),
        RadiusDataType.Ether => Exactly(value, EtherLength),
        RadiusDataType.IPv6Prefix => ValidateIPv6Prefix(value),
        RadiusDataType.IPv4Prefix => ValidateIPv4Prefix(value),
        RadiusDataType.Text => System.Text.Unicode.Utf8.IsValid(value) ? RadiusValueError.None : RadiusValueError.InvalidUtf8,
        RadiusDataType.Tlv => RadiusTlvReader.Validate(value) == RadiusTlvError.None ? RadiusValueError.None : RadiusValueError.MalformedContainer,
        RadiusDataType.Vsa => RadiusVendorSpecificReader.TryGetVendorId(value, out _) ? RadiusValueError.None : RadiusValueError.MalformedContainer,
        RadiusDataType.Extended => value.Length >= 1 ? RadiusValueError.None : RadiusValueError.MalformedContainer,
        RadiusDataType.LongExtended => value.Length >= 2 ? RadiusValueError.None : RadiusValueError.MalformedContainer,
        RadiusDataType.ExtendedVendorSpecific => RadiusExtendedAttribute.TryReadVendorSpecific(value, out _, out _, out _)
            ? RadiusValueError.None : RadiusValueError.MalformedContainer,
        _ => RadiusValueError.None,
    };

    private static RadiusValueError Exactly(ReadOnlySpan<byte> value, int length) =>
        value.Length == length ? RadiusValueError.None : RadiusValueError.WrongLength;
}
