using Org.BouncyCastle.Tls;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// One TLS server connection driven without a stream or a thread: feed it the peer's reassembled TLS data, take
/// the bytes to send, read and write application data once the handshake is done. Lives in one grain
/// activation (BouncyCastle's protocol objects are neither serializable nor thread-safe).
/// </summary>
internal sealed class EapTlsSession
{
    private readonly TlsServerProtocol _protocol = new();
    private readonly EapTlsServer _server;

    public EapTlsSession(EapTlsServerSetup setup, EapTlsServerSettings settings)
    {
        _server = new EapTlsServer(setup, settings);
        _protocol.Accept(_server);
    }

    /// <summary>True once the handshake completed and the keys were exported.</summary>
    public bool IsHandshakeComplete => _server.Keys is not null;

    /// <summary>The exported keys, once the handshake completed.</summary>
    public EapTlsKeys? Keys => _server.Keys;

    /// <summary>True after any fatal error: the connection cannot be used again.</summary>
    public bool IsFailed { get; private set; }

    /// <summary>Why the connection failed, safe to log (alert names, certificate subjects and dates).</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The verdict on the client certificate (EAP-TLS).</summary>
    public ClientCertificateCheck? ClientCertificate => _server.ClientCertificate;

    /// <summary>
    /// Processes the peer's TLS data. False when it breaks the connection; a fatal alert for the peer may then
    /// be waiting in <see cref="TakeOutput"/>.
    /// </summary>
    public bool Offer(ReadOnlySpan<byte> input)
    {
        if (IsFailed)
        {
            return false;
        }

        try
        {
            _protocol.OfferInput(input.ToArray());
            return true;
        }
        catch (IOException exception)
        {
            // BouncyCastle turns every processing error into a fatal alert (an IOException) after queuing it.
            Fail(exception);
            return false;
        }
    }

    /// <summary>Queues application data for the peer (after the handshake).</summary>
    public bool WriteApplicationData(ReadOnlySpan<byte> data)
    {
        try
        {
            _protocol.WriteApplicationData(data);
            return true;
        }
        catch (IOException exception)
        {
            Fail(exception);
            return false;
        }
    }

    /// <summary>Takes every byte waiting to go to the peer (records, alerts).</summary>
    public byte[] TakeOutput()
    {
        var available = _protocol.GetAvailableOutputBytes();
        if (available == 0)
        {
            return [];
        }

        var output = new byte[available];
        _protocol.ReadOutput(output, 0, available);
        return output;
    }

    /// <summary>Takes the application data received so far.</summary>
    public byte[] TakeApplicationData()
    {
        var available = _protocol.GetAvailableInputBytes();
        if (available == 0)
        {
            return [];
        }

        var data = new byte[available];
        _protocol.ReadInput(data, 0, available);
        return data;
    }

    private void Fail(IOException exception)
    {
        IsFailed = true;
        FailureReason = _server.ClientCertificate is { Accepted: false } refused
            ? $"client certificate {refused.Subject} refused: {refused.Reason}"
            : _server.LastAlert ?? exception.Message;
    }
}
