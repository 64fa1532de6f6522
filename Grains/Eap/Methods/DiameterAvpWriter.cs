using System.Buffers;
using System.Buffers.Binary;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>Writes EAP-TTLS AVPs (RFC 5281 §10.1), each padded to a multiple of four bytes.</summary>
internal static class DiameterAvpWriter
{
    /// <summary>Largest data one AVP can carry inside its 24-bit length.</summary>
    public const int MaxDataLength = 0xFFFFFF - 12;

    /// <summary>Appends one AVP; a vendor AVP when <paramref name="vendorId"/> is non-zero.</summary>
    public static void Write(IBufferWriter<byte> writer, uint code, uint vendorId, bool mandatory, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, MaxDataLength);
        var headerLength = vendorId == 0 ? 8 : 12;
        var length = headerLength + data.Length;
        var padded = (length + 3) & ~3;
        var span = writer.GetSpan(padded)[..padded];
        BinaryPrimitives.WriteUInt32BigEndian(span, code);
        span[4] = (byte)((vendorId == 0 ? 0 : DiameterAvp.VendorFlag) | (mandatory ? DiameterAvp.MandatoryFlag : 0));
        span[5] = (byte)(length >> 16);
        span[6] = (byte)(length >> 8);
        span[7] = (byte)length;
        if (vendorId != 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[8..], vendorId);
        }

        data.CopyTo(span[headerLength..]);
        span[length..].Clear();
        writer.Advance(padded);
    }
}
