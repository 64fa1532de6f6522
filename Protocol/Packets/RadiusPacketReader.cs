using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Packets;

/// <summary>
/// A validated, zero-copy view of one RADIUS datagram. <see cref="TryParse"/> checks every length before
/// anything is exposed, so enumerating attributes afterwards cannot read out of bounds.
/// </summary>
public readonly ref struct RadiusPacketReader
{
    private readonly ReadOnlySpan<byte> _packet;

    private RadiusPacketReader(ReadOnlySpan<byte> packet) => _packet = packet;

    /// <summary>The whole packet (header and attributes).</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    public RadiusCode Code => (RadiusCode)_packet[RadiusPacket.CodeOffset];

    public byte Identifier => _packet[RadiusPacket.IdentifierOffset];

    public int Length => _packet.Length;

    /// <summary>The 16-byte Request or Response Authenticator.</summary>
    public ReadOnlySpan<byte> Authenticator => _packet.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength);

    /// <summary>The raw attribute area after the header.</summary>
    public ReadOnlySpan<byte> AttributeBytes => _packet[RadiusPacket.HeaderLength..];

    /// <summary>
    /// Validates <paramref name="datagram"/> as a RADIUS packet: size 20–4096, the Length field equal to the
    /// datagram's size, a known code, and attributes that each have a length of at least 2 and fit exactly.
    /// </summary>
    /// <remarks>
    /// RFC 2865 §3 lets a receiver ignore bytes past the Length field; we refuse them instead, so a truncated
    /// Length field can never silently hide a trailing attribute (such as a Message-Authenticator).
    /// </remarks>
    public static RadiusParseError TryParse(ReadOnlySpan<byte> datagram, out RadiusPacketReader reader)
    {
        reader = default;
        if (datagram.Length < RadiusPacket.MinLength)
        {
            return RadiusParseError.TooShort;
        }

        if (datagram.Length > RadiusPacket.MaxLength)
        {
            return RadiusParseError.TooLong;
        }

        // Attacker controlled: the Length field is only trusted after both range and size checks.
        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[RadiusPacket.LengthOffset..]);
        if (length is < RadiusPacket.MinLength or > RadiusPacket.MaxLength)
        {
            return RadiusParseError.LengthFieldOutOfRange;
        }

        if (length != datagram.Length)
        {
            return RadiusParseError.LengthMismatch;
        }

        if (!RadiusCodes.IsDefined((RadiusCode)datagram[RadiusPacket.CodeOffset]))
        {
            return RadiusParseError.UnknownCode;
        }

        var error = ValidateAttributes(datagram[RadiusPacket.HeaderLength..]);
        if (error != RadiusParseError.None)
        {
            return error;
        }

        reader = new RadiusPacketReader(datagram);
        return RadiusParseError.None;
    }

    /// <summary>Checks that a run of type-length-value attributes fits its buffer exactly.</summary>
    public static RadiusParseError ValidateAttributes(ReadOnlySpan<byte> attributes)
    {
        var offset = 0;
        while (offset < attributes.Length)
        {
            if (attributes.Length - offset < 2)
            {
                return RadiusParseError.AttributeOverrun;
            }

            int attributeLength = attributes[offset + 1];
            if (attributeLength < 2)
            {
                return RadiusParseError.AttributeLengthTooSmall;
            }

            if (attributeLength > attributes.Length - offset)
            {
                return RadiusParseError.AttributeOverrun;
            }

            offset += attributeLength;
        }

        return RadiusParseError.None;
    }

    /// <summary>Enumerates the attributes in wire order.</summary>
    public RadiusAttributeEnumerator GetEnumerator() => new(_packet, RadiusPacket.HeaderLength);

    /// <summary>Finds the first attribute of <paramref name="type"/>.</summary>
    public bool TryGetAttribute(byte type, out RadiusAttribute attribute)
    {
        foreach (var candidate in this)
        {
            if (candidate.Type == type)
            {
                attribute = candidate;
                return true;
            }
        }

        attribute = default;
        return false;
    }

    /// <summary>Finds the first attribute of <paramref name="type"/>.</summary>
    public bool TryGetAttribute(RadiusAttributeType type, out RadiusAttribute attribute) => TryGetAttribute((byte)type, out attribute);

    /// <summary>Counts the attributes of <paramref name="type"/>.</summary>
    public int CountAttributes(RadiusAttributeType type)
    {
        var count = 0;
        foreach (var candidate in this)
        {
            if (candidate.Type == (byte)type)
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>One attribute of a validated packet: its type, its value and where it sits.</summary>
public readonly ref struct RadiusAttribute
{
    internal RadiusAttribute(byte type, ReadOnlySpan<byte> value, int offset)
    {
        Type = type;
        Value = value;
        Offset = offset;
    }

    public byte Type { get; }

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Offset of the attribute's type byte from the start of the packet.</summary>
    public int Offset { get; }

    /// <summary>Offset of the first value byte from the start of the packet.</summary>
    public int ValueOffset => Offset + 2;
}

/// <summary>Walks the attributes of a packet already validated by <see cref="RadiusPacketReader.TryParse"/>.</summary>
public ref struct RadiusAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _packet;
    private int _next;
    private RadiusAttribute _current;

    internal RadiusAttributeEnumerator(ReadOnlySpan<byte> packet, int start)
    {
        _packet = packet;
        _next = start;
        _current = default;
    }

    public readonly RadiusAttribute Current => _current;

    public bool MoveNext()
    {
        // Lengths were validated by TryParse; the checks below only keep a default instance safe.
        if (_next + 2 > _packet.Length)
        {
            return false;
        }

        int length = _packet[_next + 1];
        if (length < 2 || _next + length > _packet.Length)
        {
            return false;
        }

        _current = new RadiusAttribute(_packet[_next], _packet.Slice(_next + 2, length - 2), _next);
        _next += length;
        return true;
    }

    public readonly RadiusAttributeEnumerator GetEnumerator() => this;
}
