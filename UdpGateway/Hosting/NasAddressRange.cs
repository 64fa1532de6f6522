using System.Net;
using System.Net.Sockets;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>An IP address or CIDR block a NAS client sends from.</summary>
public readonly record struct NasAddressRange(IPNetwork Network)
{
    /// <summary>Parses "192.0.2.7", "192.0.2.0/24", "2001:db8::1" or "2001:db8::/32".</summary>
    public static bool TryParse(string? text, out NasAddressRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            address = Normalize(address);
            range = new NasAddressRange(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            return true;
        }

        if (IPNetwork.TryParse(text, out var network))
        {
            range = new NasAddressRange(network);
            return true;
        }

        return false;
    }

    public int PrefixLength => Network.PrefixLength;

    public bool Contains(IPAddress address) => Network.Contains(Normalize(address));

    /// <summary>IPv4 packets received on a dual-stack socket arrive as ::ffff:a.b.c.d.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public override string ToString() => Network.ToString();
}
