using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>Encodes whole EAP packets of the TLS-based methods (EAP-TLS, EAP-TTLS, PEAP).</summary>
public static class EapTlsPacketWriter
{
    /// <summary>Writes the server's Start: a Request with S set, the method version, and no data.</summary>
    public static bool TryWriteStart(Span<byte> destination, byte identifier, EapType type, byte version, out int bytesWritten) =>
        TryWrite(destination, EapCode.Request, identifier, type, EapTlsFlags.Start, version, null, [], out bytesWritten);

    /// <summary>Writes an ACK of a fragment: no flags but the version, no data (RFC 5216 §2.1.5).</summary>
    public static bool TryWriteAck(Span<byte> destination, EapCode code, byte identifier, EapType type, byte version, out int bytesWritten) =>
        TryWrite(destination, code, identifier, type, EapTlsFlags.None, version, null, [], out bytesWritten);

    /// <summary>
    /// Writes one packet. L is set exactly when <paramref name="messageLength"/> has a value; M and S come from
    /// <paramref name="flags"/>; the version goes in the low three bits.
    /// </summary>
    public static bool TryWrite(Span<byte> destination, EapCode code, byte identifier, EapType type, EapTlsFlags flags, byte version, uint? messageLength, ReadOnlySpan<byte> data, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, EapTlsPacket.MaxVersion);
        var flagsByte = (byte)((flags & (EapTlsFlags.MoreFragments | EapTlsFlags.Start)) | (EapTlsFlags)version);
        var headerLength = EapTlsPacket.FlagsLength;
        if (messageLength.HasValue)
        {
            flagsByte |= (byte)EapTlsFlags.LengthIncluded;
            headerLength += EapTlsPacket.MessageLengthFieldLength;
        }

        if (data.Length > EapPacket.MaxLength
            || !EapPacketWriter.TryReserve(destination, code, identifier, type, headerLength + data.Length, out var typeData, out bytesWritten))
        {
            bytesWritten = 0;
            return false;
        }

        typeData[0] = flagsByte;
        if (messageLength is { } length)
        {
            BinaryPrimitives.WriteUInt32BigEndian(typeData[EapTlsPacket.FlagsLength..], length);
        }

        data.CopyTo(typeData[headerLength..]);
        return true;
    }
}
