using System.Buffers;
using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Packets;

/// <summary>
/// Encodes one RADIUS packet into a caller-supplied buffer. Encoding only: the authenticators and
/// Message-Authenticator are filled afterwards by <c>Crypto.RadiusSigner</c> over the finished bytes.
/// </summary>
public ref struct RadiusPacketWriter
{
    private readonly Span<byte> _buffer;
    private readonly IBufferWriter<byte>? _output;
    private int _position;

    /// <summary>Starts a packet in <paramref name="buffer"/> (at least 20 bytes; 4096 fits any packet).</summary>
    public RadiusPacketWriter(Span<byte> buffer, RadiusCode code, byte identifier, ReadOnlySpan<byte> authenticator)
    {
        if (buffer.Length < RadiusPacket.HeaderLength)
        {
            throw new ArgumentException("A RADIUS packet needs at least 20 bytes.", nameof(buffer));
        }

        if (authenticator.Length != RadiusPacket.AuthenticatorLength && !authenticator.IsEmpty)
        {
            throw new ArgumentException("The authenticator is 16 bytes (or empty for zeros).", nameof(authenticator));
        }

        _buffer = buffer.Length > RadiusPacket.MaxLength ? buffer[..RadiusPacket.MaxLength] : buffer;
        _output = null;
        _buffer[RadiusPacket.CodeOffset] = (byte)code;
        _buffer[RadiusPacket.IdentifierOffset] = identifier;
        var authenticatorField = _buffer.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength);
        if (authenticator.IsEmpty)
        {
            authenticatorField.Clear();
        }
        else
        {
            authenticator.CopyTo(authenticatorField);
        }

        _position = RadiusPacket.HeaderLength;
    }

    /// <summary>Starts a packet in memory taken from <paramref name="output"/>; <see cref="Complete"/> advances it.</summary>
    public RadiusPacketWriter(IBufferWriter<byte> output, RadiusCode code, byte identifier, ReadOnlySpan<byte> authenticator)
        : this(output.GetSpan(RadiusPacket.MaxLength), code, identifier, authenticator)
    {
        _output = output;
    }

    /// <summary>Bytes written so far, header included.</summary>
    public readonly int Length => _position;

    /// <summary>Bytes still free before the 4096-byte limit or the end of the buffer.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>Appends one attribute. False (and nothing written) when the value exceeds 253 bytes or the packet is full.</summary>
    public bool TryWriteAttribute(byte type, scoped ReadOnlySpan<byte> value)
    {
        if (!TryReserveAttribute(type, value.Length, out var destination))
        {
            return false;
        }

        value.CopyTo(destination);
        return true;
    }

    /// <inheritdoc cref="TryWriteAttribute(byte, ReadOnlySpan{byte})"/>
    public bool TryWriteAttribute(RadiusAttributeType type, scoped ReadOnlySpan<byte> value) => TryWriteAttribute((byte)type, value);

    /// <summary>Appends a 4-byte big-endian integer attribute.</summary>
    public bool TryWriteUInt32(RadiusAttributeType type, uint value)
    {
        if (!TryReserveAttribute((byte)type, sizeof(uint), out var destination))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        return true;
    }

    /// <summary>
    /// Appends an attribute header and returns the value's space for the caller to fill (for encrypted
    /// values written in place, or a Message-Authenticator placeholder).
    /// </summary>
    public bool TryReserveAttribute(byte type, int valueLength, out Span<byte> value)
    {
        value = default;
        if ((uint)valueLength > RadiusPacket.MaxAttributeValueLength || valueLength + 2 > Remaining)
        {
            return false;
        }

        _buffer[_position] = type;
        _buffer[_position + 1] = (byte)(valueLength + 2);
        value = _buffer.Slice(_position + 2, valueLength);
        _position += valueLength + 2;
        return true;
    }

    /// <summary>Appends a Message-Authenticator attribute filled with zeros, to be computed by the signer.</summary>
    public bool TryWriteMessageAuthenticatorPlaceholder()
    {
        if (!TryReserveAttribute((byte)RadiusAttributeType.MessageAuthenticator, 16, out var value))
        {
            return false;
        }

        value.Clear();
        return true;
    }

    /// <summary>
    /// Appends a Vendor-Specific attribute holding one sub-attribute in the RFC 2865 §5.26 format
    /// (1-byte vendor type, 1-byte vendor length).
    /// </summary>
    public bool TryWriteVendorSpecific(uint vendorId, byte vendorType, scoped ReadOnlySpan<byte> value)
    {
        if (value.Length > RadiusPacket.MaxAttributeValueLength - 6
            || !TryReserveAttribute((byte)RadiusAttributeType.VendorSpecific, value.Length + 6, out var destination))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, vendorId);
        destination[4] = vendorType;
        destination[5] = (byte)(value.Length + 2);
        value.CopyTo(destination[6..]);
        return true;
    }

    /// <summary>Appends attributes that are already encoded (type-length-value runs), e.g. from a stored reply.</summary>
    public bool TryWriteRaw(scoped ReadOnlySpan<byte> encodedAttributes)
    {
        if (encodedAttributes.Length > Remaining
            || RadiusPacketReader.ValidateAttributes(encodedAttributes) != RadiusParseError.None)
        {
            return false;
        }

        encodedAttributes.CopyTo(_buffer[_position..]);
        _position += encodedAttributes.Length;
        return true;
    }

    /// <summary>Writes the Length field and returns the finished packet (unsigned).</summary>
    public Span<byte> Complete()
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[RadiusPacket.LengthOffset..], (ushort)_position);
        _output?.Advance(_position);
        return _buffer[.._position];
    }
}
