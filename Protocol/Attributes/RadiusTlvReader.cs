namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// A validated view of the TLVs in a tlv-typed value (RFC 6929 §2.3): 1-byte TLV-Type, 1-byte TLV-Length counting
/// the 2-byte header, then the value. Nested TLVs are opened with <see cref="TryOpenNested"/>, which caps the depth.
/// </summary>
/// <remarks>
/// Whether a TLV's value is itself a TLV list is the dictionary's knowledge, so nesting is opened on request rather
/// than guessed. The depth cap keeps a hostile, deeply nested value from driving unbounded recursion in callers.
/// </remarks>
public ref struct RadiusTlvReader
{
    /// <summary>Depth cap used when none is given; FreeRADIUS dictionaries nest a handful of levels at most.</summary>
    public const int DefaultMaxDepth = 8;

    private const int MinTlvLength = 3;

    private readonly ReadOnlySpan<byte> _value;
    private readonly int _maxDepth;
    private int _next;
    private RadiusTlv _current;

    private RadiusTlvReader(ReadOnlySpan<byte> value, int depth, int maxDepth)
    {
        _value = value;
        Depth = depth;
        _maxDepth = maxDepth;
        _next = 0;
        _current = default;
    }

    /// <summary>1 for the attribute's own value, 2 for a TLV inside it, and so on.</summary>
    public readonly int Depth { get; }

    public readonly RadiusTlv Current => _current;

    /// <summary>Checks that TLVs fill <paramref name="value"/> exactly (one level; nested values are not inspected).</summary>
    public static RadiusTlvError Validate(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return RadiusTlvError.Empty;
        }

        var offset = 0;
        while (offset < value.Length)
        {
            var error = TryReadAt(value, offset, out _, out offset);
            if (error != RadiusTlvError.None)
            {
                return error;
            }
        }

        return RadiusTlvError.None;
    }

    /// <summary>Validates the top level of a tlv-typed value and opens it at depth 1.</summary>
    public static RadiusTlvError TryCreate(ReadOnlySpan<byte> value, out RadiusTlvReader reader, int maxDepth = DefaultMaxDepth)
    {
        reader = default;
        if (maxDepth < 1)
        {
            return RadiusTlvError.DepthExceeded;
        }

        var error = Validate(value);
        if (error == RadiusTlvError.None)
        {
            reader = new RadiusTlvReader(value, 1, maxDepth);
        }

        return error;
    }

    /// <summary>Opens the value of a TLV read from this reader as a TLV list one level deeper.</summary>
    public readonly RadiusTlvError TryOpenNested(ReadOnlySpan<byte> tlvValue, out RadiusTlvReader nested)
    {
        nested = default;
        if (Depth == 0 || Depth >= _maxDepth)
        {
            return RadiusTlvError.DepthExceeded;
        }

        var error = Validate(tlvValue);
        if (error == RadiusTlvError.None)
        {
            nested = new RadiusTlvReader(tlvValue, Depth + 1, _maxDepth);
        }

        return error;
    }

    public bool MoveNext()
    {
        // Validated on creation; the check keeps a default instance safe.
        if (_next >= _value.Length || TryReadAt(_value, _next, out var tlv, out var next) != RadiusTlvError.None)
        {
            return false;
        }

        _current = tlv;
        _next = next;
        return true;
    }

    public readonly RadiusTlvReader GetEnumerator() => this;

    // Attacker controlled: the TLV-Length is checked against the header size and what is left.
    private static RadiusTlvError TryReadAt(ReadOnlySpan<byte> value, int offset, out RadiusTlv tlv, out int next)
    {
        tlv = default;
        next = value.Length;
        if (value.Length - offset < 2)
        {
            return RadiusTlvError.HeaderTruncated;
        }

        int length = value[offset + 1];
        if (length < MinTlvLength)
        {
            return RadiusTlvError.LengthTooSmall;
        }

        if (length > value.Length - offset)
        {
            return RadiusTlvError.Overrun;
        }

        tlv = new RadiusTlv(value[offset], value.Slice(offset + 2, length - 2));
        next = offset + length;
        return RadiusTlvError.None;
    }
}

/// <summary>One TLV of a tlv-typed value.</summary>
public readonly ref struct RadiusTlv
{
    internal RadiusTlv(byte type, ReadOnlySpan<byte> value)
    {
        Type = type;
        Value = value;
    }

    public byte Type { get; }

    public ReadOnlySpan<byte> Value { get; }
}
