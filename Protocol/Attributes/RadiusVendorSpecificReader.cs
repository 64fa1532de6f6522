using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// A validated view of one Vendor-Specific value (RFC 2865 §5.26): the Vendor-Id, then sub-attributes in the
/// vendor's <see cref="RadiusVendorFormat"/>. <see cref="TryCreate"/> checks every sub-attribute before any is exposed.
/// </summary>
public ref struct RadiusVendorSpecificReader
{
    private const int VendorIdLength = 4;

    private readonly ReadOnlySpan<byte> _subAttributes;
    private readonly RadiusVendorFormat _format;
    private int _next;
    private RadiusVendorAttribute _current;

    private RadiusVendorSpecificReader(uint vendorId, ReadOnlySpan<byte> subAttributes, RadiusVendorFormat format)
    {
        VendorId = vendorId;
        _subAttributes = subAttributes;
        _format = format;
        _next = 0;
        _current = default;
    }

    public readonly uint VendorId { get; }

    /// <summary>The bytes after the Vendor-Id.</summary>
    public readonly ReadOnlySpan<byte> SubAttributeBytes => _subAttributes;

    public readonly RadiusVendorAttribute Current => _current;

    /// <summary>
    /// Reads the Vendor-Id alone, so the caller can look up the vendor's format before parsing. False when the
    /// value has no room for a Vendor-Id and at least one byte of data, or the Id's high byte is set.
    /// </summary>
    public static bool TryGetVendorId(ReadOnlySpan<byte> value, out uint vendorId)
    {
        vendorId = value.Length > VendorIdLength ? BinaryPrimitives.ReadUInt32BigEndian(value) : 0;
        return value.Length > VendorIdLength && vendorId <= 0x00FF_FFFF;
    }

    /// <summary>Validates <paramref name="value"/> (a Vendor-Specific attribute's value) against the vendor's format.</summary>
    public static RadiusVendorSpecificError TryCreate(ReadOnlySpan<byte> value, RadiusVendorFormat format, out RadiusVendorSpecificReader reader)
    {
        reader = default;
        if (value.Length < VendorIdLength)
        {
            return RadiusVendorSpecificError.TooShort;
        }

        var vendorId = BinaryPrimitives.ReadUInt32BigEndian(value);
        if (vendorId > 0x00FF_FFFF)
        {
            return RadiusVendorSpecificError.VendorIdHighByteNotZero;
        }

        var subAttributes = value[VendorIdLength..];
        var error = Validate(subAttributes, format);
        if (error == RadiusVendorSpecificError.None)
        {
            reader = new RadiusVendorSpecificReader(vendorId, subAttributes, format);
        }

        return error;
    }

    /// <summary>Checks that sub-attributes in <paramref name="format"/> fill <paramref name="subAttributes"/> exactly.</summary>
    public static RadiusVendorSpecificError Validate(ReadOnlySpan<byte> subAttributes, RadiusVendorFormat format)
    {
        if (!format.IsValid)
        {
            return RadiusVendorSpecificError.InvalidFormat;
        }

        if (subAttributes.IsEmpty)
        {
            return RadiusVendorSpecificError.NoSubAttributes;
        }

        var offset = 0;
        while (offset < subAttributes.Length)
        {
            var error = TryReadAt(subAttributes, offset, format, out _, out offset);
            if (error != RadiusVendorSpecificError.None)
            {
                return error;
            }
        }

        return RadiusVendorSpecificError.None;
    }

    public bool MoveNext()
    {
        // Validated by TryCreate; a default instance has an invalid format and stops here.
        if (_next >= _subAttributes.Length
            || TryReadAt(_subAttributes, _next, _format, out var attribute, out var next) != RadiusVendorSpecificError.None)
        {
            return false;
        }

        _current = attribute;
        _next = next;
        return true;
    }

    public readonly RadiusVendorSpecificReader GetEnumerator() => this;

    // Attacker controlled: every header field is range-checked against what is left before it is used.
    private static RadiusVendorSpecificError TryReadAt(
        ReadOnlySpan<byte> span, int offset, RadiusVendorFormat format, out RadiusVendorAttribute attribute, out int next)
    {
        attribute = default;
        next = span.Length;
        if (!format.IsValid)
        {
            return RadiusVendorSpecificError.InvalidFormat;
        }

        var remaining = span[offset..];
        var header = format.HeaderSize;
        if (remaining.Length < header)
        {
            return RadiusVendorSpecificError.HeaderTruncated;
        }

        var type = format.TypeSize switch
        {
            1 => remaining[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(remaining),
            _ => BinaryPrimitives.ReadUInt32BigEndian(remaining),
        };
        var length = format.LengthSize switch
        {
            0 => remaining.Length,
            1 => remaining[format.TypeSize],
            _ => BinaryPrimitives.ReadUInt16BigEndian(remaining[format.TypeSize..]),
        };
        if (length < header)
        {
            return RadiusVendorSpecificError.LengthTooSmall;
        }

        if (length > remaining.Length)
        {
            return RadiusVendorSpecificError.Overrun;
        }

        var more = false;
        if (format.HasContinuation)
        {
            var flags = remaining[format.TypeSize + format.LengthSize];
            if ((flags & 0x7F) != 0)
            {
                return RadiusVendorSpecificError.ContinuationReservedBitsSet;
            }

            more = (flags & 0x80) != 0;
        }

        attribute = new RadiusVendorAttribute(type, remaining[header..length], more);
        next = offset + length;
        return RadiusVendorSpecificError.None;
    }
}

/// <summary>One sub-attribute of a Vendor-Specific attribute.</summary>
public readonly ref struct RadiusVendorAttribute
{
    internal RadiusVendorAttribute(uint type, ReadOnlySpan<byte> value, bool more)
    {
        Type = type;
        Value = value;
        More = more;
    }

    /// <summary>The vendor's attribute number (up to 1, 2 or 4 bytes wide by format).</summary>
    public uint Type { get; }

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>WiMAX continuation: the value goes on in the same sub-attribute of the next Vendor-Specific attribute.</summary>
    public bool More { get; }
}
