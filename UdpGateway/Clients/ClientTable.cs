using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Radius.Gateway.Clients;

/// <summary>
/// Finds the NAS client a datagram came from by its source address: exact addresses by hash lookup,
/// then CIDR blocks, most specific first. Immutable; replaced whole when the client list changes.
/// </summary>
public sealed class ClientTable
{
    private readonly Dictionary<uint, NasClient> _exactV4 = [];
    private readonly Dictionary<UInt128, NasClient> _exactV6 = [];
    private readonly NasClient[] _blocks;

    public ClientTable(IEnumerable<NasClient> clients)
    {
        var blocks = new List<NasClient>();
        foreach (var client in clients)
        {
            var network = client.Range.Network;
            var address = network.BaseAddress;
            if (address.AddressFamily == AddressFamily.InterNetwork && network.PrefixLength == 32)
            {
                _exactV4[ToUInt32(address)] = client;
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6 && network.PrefixLength == 128)
            {
                _exactV6[ToUInt128(address)] = client;
            }
            else
            {
                blocks.Add(client);
            }
        }

        _blocks = [.. blocks.OrderByDescending(client => client.Range.PrefixLength)];
        Clients = [.. _exactV4.Values, .. _exactV6.Values, .. _blocks];
    }

    public IReadOnlyList<NasClient> Clients { get; }

    /// <summary>Looks up the sender of a datagram from its raw socket address, without allocating for exact matches.</summary>
    public NasClient? Find(SocketAddress source)
    {
        var buffer = source.Buffer.Span;
        if (source.Family == AddressFamily.InterNetwork)
        {
            // sockaddr_in: family(2) port(2) address(4)
            if (_exactV4.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(buffer[4..8]), out var client))
            {
                return client;
            }
        }
        else if (source.Family == AddressFamily.InterNetworkV6)
        {
            // sockaddr_in6: family(2) port(2) flowinfo(4) address(16)
            var address = BinaryPrimitives.ReadUInt128BigEndian(buffer[8..24]);
            if (_exactV6.TryGetValue(address, out var client))
            {
                return client;
            }

            if (IsV4Mapped(address) && _exactV4.TryGetValue((uint)address, out client))
            {
                return client;
            }
        }
        else
        {
            return null;
        }

        return _blocks.Length == 0 ? null : FindBlock(ToIPAddress(source));
    }

    public NasClient? Find(IPAddress address)
    {
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (address.AddressFamily == AddressFamily.InterNetwork && _exactV4.TryGetValue(ToUInt32(address), out var client))
        {
            return client;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && _exactV6.TryGetValue(ToUInt128(address), out client))
        {
            return client;
        }

        return FindBlock(address);
    }

    /// <summary>The sender's IP address and port as a socket address carries them.</summary>
    public static IPEndPoint ToEndPoint(SocketAddress source)
    {
        var address = ToIPAddress(source);
        var port = BinaryPrimitives.ReadUInt16BigEndian(source.Buffer.Span[2..4]);
        return new IPEndPoint(address, port);
    }

    private NasClient? FindBlock(IPAddress address)
    {
        foreach (var block in _blocks)
        {
            if (block.Range.Contains(address))
            {
                return block;
            }
        }

        return null;
    }

    private static IPAddress ToIPAddress(SocketAddress source)
    {
        var buffer = source.Buffer.Span;
        var address = source.Family == AddressFamily.InterNetwork ? new IPAddress(buffer[4..8]) : new IPAddress(buffer[8..24]);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    private static bool IsV4Mapped(UInt128 address) => (address >> 32) == 0xFFFF;

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
