using System.Buffers.Binary;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Builds one Vendor-Specific value (Vendor-Id, then sub-attributes in the vendor's format) in a caller's buffer;
/// hand <see cref="Written"/> to <see cref="RadiusPacketWriter.TryWriteAttribute(byte, ReadOnlySpan{byte})"/> with type 26.
/// </summary>
public ref struct RadiusVendorSpecificWriter
{
    private readonly Span<byte> _buffer;
    private readonly RadiusVendorFormat _format;
    private int _position;
    private int _count;

    /// <summary>Starts a VSA; at most 253 bytes of <paramref name="buffer"/> are used, the most one attribute holds.</summary>
    public RadiusVendorSpecificWriter(Span<byte> buffer, uint vendorId, RadiusVendorFormat format)
    {
        if (!format.IsValid)
        {
            throw new ArgumentException("Not a valid vendor format.", nameof(format));
        }

        if (vendorId > 0x00FF_FFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(vendorId), "A Vendor-Id is a 24-bit SMI code.");
        }

        if (buffer.Length < 4)
        {
            throw new ArgumentException("A Vendor-Specific value needs at least 4 bytes.", nameof(buffer));
        }

        _buffer = buffer.Length > RadiusPacket.MaxAttributeValueLength ? buffer[..RadiusPacket.MaxAttributeValueLength] : buffer;
        _format = format;
        BinaryPrimitives.WriteUInt32BigEndian(_buffer, vendorId);
        _position = 4;
        _count = 0;
    }

    /// <summary>The Vendor-Specific value written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>
    /// Appends one sub-attribute. False (nothing written) when the type is too wide for the format, the value does
    /// not fit, <paramref name="more"/> is set without a continuation byte, or a length-less format already has one.
    /// </summary>
    public bool TryWrite(uint type, ReadOnlySpan<byte> value, bool more = false)
    {
        var header = _format.HeaderSize;
        var length = header + value.Length;
        var lengthLimit = _format.LengthSize switch
        {
            0 => int.MaxValue,
            1 => byte.MaxValue,
            _ => ushort.MaxValue,
        };
        if (type > _format.MaxType
            || length > lengthLimit
            || length > _buffer.Length - _position
            || (more && !_format.HasContinuation)
            || (_format.LengthSize == 0 && _count > 0))
        {
            return false;
        }

        var destination = _buffer[_position..];
        switch (_format.TypeSize)
        {
            case 1:
                destination[0] = (byte)type;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)type);
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(destination, type);
                break;
        }

        if (_format.LengthSize == 1)
        {
            destination[_format.TypeSize] = (byte)length;
        }
        else if (_format.LengthSize == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[_format.TypeSize..], (ushort)length);
        }

        if (_format.HasContinuation)
        {
            destination[_format.TypeSize + _format.LengthSize] = more ? (byte)0x80 : (byte)0;
        }

        value.CopyTo(destination[header..]);
        _position += length;
        _count++;
        return true;
    }
}
