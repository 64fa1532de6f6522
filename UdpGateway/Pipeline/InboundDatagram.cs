using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// One received datagram on its way through the pipeline. Owns a pooled buffer; whoever finishes with
/// the request calls <see cref="Dispose"/> exactly once.
/// </summary>
internal sealed class InboundDatagram(Socket socket, ListenerKind kind, byte[] buffer, int length, SocketAddress source, long receivedTimestamp)
    : IDisposable
{
    public Socket Socket { get; } = socket;

    public ListenerKind Kind { get; } = kind;

    public ReadOnlyMemory<byte> Packet => buffer.AsMemory(0, length);

    public SocketAddress Source { get; } = source;

    public long ReceivedTimestamp { get; } = receivedTimestamp;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
