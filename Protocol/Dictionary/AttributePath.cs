using System.Text;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>
/// Where an attribute lives in the RADIUS number space: the vendor (if any), the RFC 6929 extended
/// attribute carrying an "evs" vendor (if any), and the chain of numbers from the top level down through
/// extended types and TLVs, e.g. <c>1</c>, <c>241.5.1</c>, <c>26.311.16</c> or <c>245.26.11344.1</c>.
/// </summary>
public sealed class AttributePath : IEquatable<AttributePath>
{
    private readonly uint[] _numbers;

    private AttributePath(uint vendorId, byte extendedParent, uint[] numbers)
    {
        VendorId = vendorId;
        ExtendedParent = extendedParent;
        _numbers = numbers;
    }

    /// <summary>The vendor's Private Enterprise Number, or 0 for the IETF number space.</summary>
    public uint VendorId { get; }

    /// <summary>For a vendor reached through RFC 6929 Extended-Vendor-Specific, the extended type (241–246); otherwise 0.</summary>
    public byte ExtendedParent { get; }

    /// <summary>The numbers from the top level (or the vendor's top level) down to this attribute.</summary>
    public ReadOnlySpan<uint> Numbers => _numbers;

    public int Depth => _numbers.Length;

    /// <summary>This attribute's own number inside its parent.</summary>
    public uint Number => _numbers[^1];

    public bool IsVendorSpecific => VendorId != 0;

    /// <summary>The enclosing TLV or extended attribute, or null at the top of the (vendor) space.</summary>
    public AttributePath? Parent => _numbers.Length > 1 ? new AttributePath(VendorId, ExtendedParent, _numbers[..^1]) : null;

    /// <summary>An attribute of the IETF space, e.g. <c>Standard(1)</c> for User-Name or <c>Standard(241, 1)</c>.</summary>
    public static AttributePath Standard(params ReadOnlySpan<uint> numbers) => Create(0, 0, numbers);

    /// <summary>A Vendor-Specific (type 26) sub-attribute, optionally with TLV children numbers after it.</summary>
    public static AttributePath Vendor(uint vendorId, params ReadOnlySpan<uint> numbers) => Create(vendorId, 0, numbers);

    /// <summary>A vendor attribute carried in RFC 6929 Extended-Vendor-Specific (<paramref name="extendedParent"/>.26).</summary>
    public static AttributePath ExtendedVendor(byte extendedParent, uint vendorId, params ReadOnlySpan<uint> numbers) =>
        Create(vendorId, extendedParent, numbers);

    /// <summary>The path of a child (TLV member or extended type) of this attribute.</summary>
    public AttributePath Append(uint number)
    {
        var numbers = new uint[_numbers.Length + 1];
        _numbers.CopyTo(numbers, 0);
        numbers[^1] = number;
        return new AttributePath(VendorId, ExtendedParent, numbers);
    }

    public bool Equals(AttributePath? other) =>
        other is not null
        && VendorId == other.VendorId
        && ExtendedParent == other.ExtendedParent
        && _numbers.AsSpan().SequenceEqual(other._numbers);

    public override bool Equals(object? obj) => Equals(obj as AttributePath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(VendorId);
        hash.Add(ExtendedParent);
        foreach (var number in _numbers)
        {
            hash.Add(number);
        }

        return hash.ToHashCode();
    }

    /// <summary>The dotted form used in logs: the full wire nesting, including 26 and the vendor id.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (ExtendedParent != 0)
        {
            text.Append(ExtendedParent).Append(".26.").Append(VendorId).Append('.');
        }
        else if (VendorId != 0)
        {
            text.Append("26.").Append(VendorId).Append('.');
        }

        for (var i = 0; i < _numbers.Length; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }

            text.Append(_numbers[i]);
        }

        return text.ToString();
    }

    private static AttributePath Create(uint vendorId, byte extendedParent, ReadOnlySpan<uint> numbers)
    {
        if (numbers.IsEmpty)
        {
            throw new ArgumentException("A path needs at least one number.", nameof(numbers));
        }

        return new AttributePath(vendorId, extendedParent, numbers.ToArray());
    }
}
