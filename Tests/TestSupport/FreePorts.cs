using System.Net;
using System.Net.Sockets;

namespace Orleans.Radius.Tests.Support;

/// <summary>Loopback ports that were free a moment ago, for the processes a test starts.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port free for both TCP and UDP on 127.0.0.1, never handed out twice in this run.</summary>
    public static int Next()
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
                try
                {
                    using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }
                catch (SocketException)
                {
                    continue;
                }

                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("no free loopback port found");
    }
}
