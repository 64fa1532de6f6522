using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Orleans.Radius.Grains;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// The RFC 5080 §2.2.2 identity of a request — source address and port, identifier, Request
/// Authenticator — as a value usable as a dictionary key.
/// </summary>
internal readonly record struct InFlightKey(UInt128 Address, ushort Port, byte Identifier, UInt128 Authenticator);

/// <summary>Builds request keys from a datagram's source and header.</summary>
internal static class RequestKeys
{
    public static InFlightKey CreateInFlight(SocketAddress source, byte identifier, ReadOnlySpan<byte> authenticator)
    {
        var buffer = source.Buffer.Span;
        var (address, port) = source.Family == AddressFamily.InterNetwork
            ? ((UInt128)BinaryPrimitives.ReadUInt32BigEndian(buffer[4..8]), BinaryPrimitives.ReadUInt16BigEndian(buffer[2..4]))
            : (BinaryPrimitives.ReadUInt128BigEndian(buffer[8..24]), BinaryPrimitives.ReadUInt16BigEndian(buffer[2..4]));
        return new InFlightKey(address, port, identifier, BinaryPrimitives.ReadUInt128BigEndian(authenticator));
    }

    public static RequestKey Create(SocketAddress source, byte identifier, ReadOnlySpan<byte> authenticator)
    {
        var buffer = source.Buffer.Span;
        var address = source.Family == AddressFamily.InterNetwork ? buffer[4..8].ToArray() : buffer[8..24].ToArray();
        return new RequestKey(address, BinaryPrimitives.ReadUInt16BigEndian(buffer[2..4]), identifier, authenticator.ToArray());
    }
}
