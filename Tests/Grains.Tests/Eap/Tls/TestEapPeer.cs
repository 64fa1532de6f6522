using System.Buffers.Binary;
using Org.BouncyCastle.Tls;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// An in-process EAP peer for the TLS-based methods: EAP-TLS framing with its own fragmentation and ACKs, a
/// BouncyCastle TLS client, and a phase-2 callback that turns tunnel data from the server into tunnel data back.
/// </summary>
internal sealed class TestEapPeer
{
    private readonly TlsClientProtocol _protocol = new();
    private readonly int _fragmentSize;
    private readonly Func<byte[], byte[]?>? _phase2;
    private readonly List<byte> _incoming = [];
    private byte[] _outgoing = [];
    private int _outgoingOffset;

    public TestEapPeer(TestTlsClient client, int fragmentSize, Func<byte[], byte[]?>? phase2 = null)
    {
        Client = client;
        _fragmentSize = fragmentSize;
        _phase2 = phase2;
    }

    public TestTlsClient Client { get; }

    /// <summary>Requests from the server that carried more than one fragment's worth (so fragmentation happened).</summary>
    public int ServerFragmentsAcked { get; private set; }

    public int PeerFragmentsSent { get; private set; }

    public int Rounds { get; private set; }

    /// <summary>The fatal alert the server sent, if any.</summary>
    public short? ReceivedAlert { get; private set; }

    /// <summary>Runs the conversation to its end and returns the final step.</summary>
    public async Task<EapStep> RunAsync(IEapMethod method, EapMethodContext context, int maxRounds = 400)
    {
        var step = method.Start(context);
        PeerExpect.That(step.Kind == EapStepKind.Continue, "the method starts with a Request");
        PeerExpect.That((step.TypeData![0] & (byte)EapTlsFlags.Start) != 0, "the first Request has S set");
        var version = (byte)(step.TypeData[0] & 0x07);
        _protocol.Connect(Client);
        Send(TakeOutput());
        var response = NextFragment(version);
        while (Rounds++ < maxRounds)
        {
            step = await method.ProcessAsync(response, context);
            if (step.Kind != EapStepKind.Continue)
            {
                return step;
            }

            response = Answer(step.TypeData!, version);
        }

        throw new InvalidOperationException("the conversation did not end");
    }

    private byte[] Answer(byte[] request, byte version)
    {
        PeerExpect.That(EapTlsPacketReader.TryParse(request, out var reader) == EapParseError.None, "the Request parses");
        if (_outgoingOffset < _outgoing.Length)
        {
            PeerExpect.That(reader.IsAck, "the server must ACK our fragments");
            return NextFragment(version);
        }

        if (!reader.Data.IsEmpty)
        {
            _incoming.AddRange(reader.Data);
            if (reader.MoreFragments)
            {
                ServerFragmentsAcked++;
                return [version];
            }

            var message = _incoming.ToArray();
            _incoming.Clear();
            try
            {
                _protocol.OfferInput(message);
            }
            catch (TlsFatalAlertReceived alert)
            {
                ReceivedAlert = alert.AlertDescription;
                return [version];
            }
            catch (TlsFatalAlert)
            {
                // The server's alert (or our refusal of it): acknowledge, and the server ends with a Failure.
                return [version];
            }
        }

        var output = TakeOutput();
        var data = TakeApplicationData();
        if (_protocol.IsConnected && !_protocol.IsHandshaking && (data.Length > 0 || output.Length == 0) && _phase2 is not null)
        {
            if (_phase2(data) is { } reply)
            {
                _protocol.WriteApplicationData(reply);
            }

            output = [.. output, .. TakeOutput()];
        }

        if (output.Length == 0)
        {
            return [version];
        }

        Send(output);
        return NextFragment(version);
    }

    private void Send(byte[] message)
    {
        _outgoing = message;
        _outgoingOffset = 0;
    }

    private byte[] NextFragment(byte version)
    {
        var length = Math.Min(_fragmentSize, _outgoing.Length - _outgoingOffset);
        var more = _outgoingOffset + length < _outgoing.Length;
        var first = _outgoingOffset == 0;
        var header = first && more ? 5 : 1;
        var typeData = new byte[header + length];
        typeData[0] = (byte)((first && more ? 0x80 : 0) | (more ? 0x40 : 0) | version);
        if (header == 5)
        {
            BinaryPrimitives.WriteUInt32BigEndian(typeData.AsSpan(1), (uint)_outgoing.Length);
        }

        _outgoing.AsSpan(_outgoingOffset, length).CopyTo(typeData.AsSpan(header));
        _outgoingOffset += length;
        PeerFragmentsSent++;
        return typeData;
    }

    private byte[] TakeOutput()
    {
        var output = new byte[_protocol.GetAvailableOutputBytes()];
        _protocol.ReadOutput(output, 0, output.Length);
        return output;
    }

    private byte[] TakeApplicationData()
    {
        var data = new byte[_protocol.GetAvailableInputBytes()];
        _protocol.ReadInput(data, 0, data.Length);
        return data;
    }
}
