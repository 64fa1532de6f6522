using System.Buffers.Binary;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// Reads the AVP sequence of EAP-TTLS phase 2 (RFC 5281 §10.1): Code (4), Flags (1), Length (3, header and data
/// without padding), Vendor-ID (4, when V is set), Data, padding to a multiple of four.
/// </summary>
internal ref struct DiameterAvpReader
{
    private const int HeaderLength = 8;
    private const int VendorHeaderLength = 12;

    private ReadOnlySpan<byte> _rest;

    public DiameterAvpReader(ReadOnlySpan<byte> data) => _rest = data;

    /// <summary>True when every AVP was read.</summary>
    public readonly bool IsEnd => _rest.IsEmpty;

    /// <summary>Reads the next AVP; false at the end or on a malformed AVP (then <see cref="IsEnd"/> is false).</summary>
    public bool TryRead(out DiameterAvp avp)
    {
        avp = default;
        if (_rest.Length < HeaderLength)
        {
            return false;
        }

        var code = BinaryPrimitives.ReadUInt32BigEndian(_rest);
        var flags = _rest[4];
        var length = (_rest[5] << 16) | (_rest[6] << 8) | _rest[7];
        var vendor = (flags & DiameterAvp.VendorFlag) != 0;
        var headerLength = vendor ? VendorHeaderLength : HeaderLength;

        // Attacker controlled: the AVP Length must cover its header and stay inside the data we hold.
        if (length < headerLength || length > _rest.Length)
        {
            return false;
        }

        var vendorId = vendor ? BinaryPrimitives.ReadUInt32BigEndian(_rest[HeaderLength..]) : 0;
        avp = new DiameterAvp(code, flags, vendorId, _rest[headerLength..length]);

        // The last AVP's padding is tolerated when a peer leaves it out.
        var padded = Math.Min(_rest.Length, (length + 3) & ~3);
        _rest = _rest[padded..];
        return true;
    }
}
