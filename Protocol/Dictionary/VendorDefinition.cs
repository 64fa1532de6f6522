namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>
/// A vendor (IANA Private Enterprise Number) and the layout of its Vendor-Specific sub-attributes:
/// FreeRADIUS <c>format=t,l[,c]</c>, where the default 1,1 is the RFC 2865 §5.26 recommendation.
/// </summary>
/// <param name="Name">The vendor's name, unique in a dictionary (compared without case).</param>
/// <param name="Id">The Private Enterprise Number; below 2^24 because the wire field's top octet is zero.</param>
/// <param name="TypeLength">Octets of the vendor-type field: 1, 2 or 4.</param>
/// <param name="LengthLength">Octets of the vendor-length field: 0, 1 or 2.</param>
/// <param name="HasContinuation">True when a continuation octet follows the length (WiMAX style).</param>
public sealed record VendorDefinition(
    string Name,
    uint Id,
    byte TypeLength = 1,
    byte LengthLength = 1,
    bool HasContinuation = false)
{
    /// <summary>The largest vendor-type number the type field can carry.</summary>
    public uint MaxType => TypeLength switch
    {
        1 => byte.MaxValue,
        2 => ushort.MaxValue,
        _ => uint.MaxValue,
    };

    internal bool HasSameFormat(VendorDefinition other) =>
        TypeLength == other.TypeLength && LengthLength == other.LengthLength && HasContinuation == other.HasContinuation;
}
