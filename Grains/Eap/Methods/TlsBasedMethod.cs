using Microsoft.Extensions.Logging;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// The framing shared by EAP-TLS, PEAP and EAP-TTLS (RFC 5216 §2.1.5, §3.1): Start, fragmentation of our TLS
/// messages with the peer's ACKs, reassembly of the peer's fragments under a cap with our ACKs, and a TLS alert
/// delivered before the Failure. Subclasses only see whole TLS application data once the handshake is done.
/// </summary>
internal abstract partial class TlsBasedMethod : IEapMethod, IDisposable
{
    // Every Request of a legitimate conversation moves the handshake or the tunnel on; a few dozen are plenty
    // even with small fragments, so a peer that keeps ACKing is cut off.
    private const int MaxRounds = 96;

    private readonly EapTlsReassembler _reassembler;
    private readonly EapTlsFragmenter _fragmenter;
    private readonly byte _version;
    private byte[] _outgoing = [];
    private int _outgoingOffset;
    private bool _failing;
    private int _rounds;

    protected TlsBasedMethod(EapTlsSession session, EapTlsOptions options, byte version, ILogger logger)
    {
        Session = session;
        Logger = logger;
        _version = version;
        _reassembler = new EapTlsReassembler(options.MaxMessageLength);
        _fragmenter = new EapTlsFragmenter(options.FragmentSize);
    }

    public abstract EapType Type { get; }

    protected EapTlsSession Session { get; }

    protected ILogger Logger { get; }

    /// <summary>Frees the TLS connection (the conversation ended or its grain deactivates).</summary>
    public void Dispose() => Session.Dispose();

    public EapStep Start(EapMethodContext context) => EapStep.Continue([(byte)((byte)EapTlsFlags.Start | _version)]);

    public async ValueTask<EapStep> ProcessAsync(ReadOnlyMemory<byte> typeData, EapMethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (++_rounds > MaxRounds)
        {
            Log.TooManyRounds(Logger, Type, context.OuterIdentity);
            return EapStep.Failure;
        }

        var parsed = Parse(typeData.Span);
        if (parsed.Error is { } error)
        {
            Log.BadFraming(Logger, Type, context.OuterIdentity, error);
            return EapStep.Failure;
        }

        if (_outgoingOffset < _outgoing.Length)
        {
            // We are in the middle of sending a message: the peer may only acknowledge the fragment.
            if (!parsed.IsAck)
            {
                Log.BadFraming(Logger, Type, context.OuterIdentity, "data while our fragments were pending");
                return EapStep.Failure;
            }

            return NextFragment();
        }

        if (_failing)
        {
            // The peer has our alert; RFC 5216 §2.1.3: now the Failure.
            return EapStep.Failure;
        }

        if (parsed.IsAck)
        {
            if (!Session.IsHandshakeComplete)
            {
                Log.BadFraming(Logger, Type, context.OuterIdentity, "an ACK during the handshake");
                return EapStep.Failure;
            }

            return await SendOrFinishAsync(await OnAckAsync(context).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var result = _reassembler.Add(parsed.HasLength, parsed.DeclaredLength, parsed.MoreFragments, parsed.Data.Span);
        switch (result)
        {
            case EapTlsReassemblyResult.NeedMoreFragments:
                return EapStep.Continue([_version]);
            case EapTlsReassemblyResult.Complete:
                break;
            default:
                Log.BadReassembly(Logger, Type, context.OuterIdentity, result);
                return EapStep.Failure;
        }

        var wasComplete = Session.IsHandshakeComplete;
        if (!Session.Offer(_reassembler.Message))
        {
            _reassembler.Reset();
            return FailWithAlert(context);
        }

        _reassembler.Reset();
        if (!Session.IsHandshakeComplete)
        {
            var output = Session.TakeOutput();
            if (output.Length == 0)
            {
                Log.BadFraming(Logger, Type, context.OuterIdentity, "a handshake message that asks for no answer");
                return EapStep.Failure;
            }

            return Send(output);
        }

        var step = await OnApplicationDataAsync(Session.TakeApplicationData(), !wasComplete, context).ConfigureAwait(false);
        return await SendOrFinishAsync(step).ConfigureAwait(false);
    }

    /// <summary>
    /// A whole peer message was processed after the handshake: <paramref name="data"/> is its application data (may
    /// be empty), <paramref name="handshakeJustCompleted"/> is true for the message that completed it. Return null to
    /// send what the session has queued (an empty Request when nothing), or the final step.
    /// </summary>
    protected abstract ValueTask<EapStep?> OnApplicationDataAsync(byte[] data, bool handshakeJustCompleted, EapMethodContext context);

    /// <summary>The peer acknowledged our last message after the handshake. Same return convention.</summary>
    protected abstract ValueTask<EapStep?> OnAckAsync(EapMethodContext context);

    /// <summary>A Success step carrying the MSK of this handshake.</summary>
    protected EapStep Succeed(string identity, EapCredentialResult authorization) =>
        new(EapStepKind.Success, Msk: Session.Keys!.Msk, Identity: identity, Authorization: authorization);

    private ValueTask<EapStep> SendOrFinishAsync(EapStep? step)
    {
        if (step is not null)
        {
            return ValueTask.FromResult(step);
        }

        if (Session.IsFailed)
        {
            return ValueTask.FromResult(EapStep.Failure);
        }

        var output = Session.TakeOutput();
        return ValueTask.FromResult(output.Length == 0 ? EapStep.Continue([_version]) : Send(output));
    }

    private EapStep FailWithAlert(EapMethodContext context)
    {
        Log.HandshakeFailed(Logger, Type, context.OuterIdentity, context.NasName, Session.FailureReason ?? "unknown");
        var alert = Session.TakeOutput();
        if (alert.Length == 0)
        {
            return EapStep.Failure;
        }

        _failing = true;
        return Send(alert);
    }

    private EapStep Send(byte[] message)
    {
        _outgoing = message;
        _outgoingOffset = 0;
        return NextFragment();
    }

    private EapStep NextFragment()
    {
        var fragment = _fragmenter.GetFragment(_outgoing.Length, _outgoingOffset);
        var header = 1 + (fragment.IncludesLength ? EapTlsPacket.MessageLengthFieldLength : 0);
        var typeData = new byte[header + fragment.Length];
        typeData[0] = (byte)((byte)fragment.Flags | _version);
        if (fragment.IncludesLength)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(typeData.AsSpan(1), (uint)_outgoing.Length);
        }

        _outgoing.AsSpan(fragment.Offset, fragment.Length).CopyTo(typeData.AsSpan(header));
        _outgoingOffset = fragment.End;
        if (_outgoingOffset == _outgoing.Length)
        {
            _outgoing = [];
            _outgoingOffset = 0;
        }

        return EapStep.Continue(typeData);
    }

    private ParsedFragment Parse(ReadOnlySpan<byte> typeData)
    {
        var error = EapTlsPacketReader.TryParse(typeData, out var reader);
        if (error != EapParseError.None)
        {
            return new ParsedFragment(error.ToString());
        }

        if (reader.IsStart)
        {
            return new ParsedFragment("Start flag from the peer");
        }

        // EAP-TLS reserves the version bits; PEAP and TTLS must answer with the version we offered.
        if (Type != EapType.Tls && reader.Version != _version)
        {
            return new ParsedFragment($"version {reader.Version} where {_version} was offered");
        }

        return new ParsedFragment(null, reader.IsAck, reader.HasLength, reader.DeclaredLength, reader.MoreFragments, typeData[^reader.Data.Length..].ToArray());
    }

    private readonly record struct ParsedFragment(string? Error, bool IsAck = false, bool HasLength = false, uint DeclaredLength = 0, bool MoreFragments = false, ReadOnlyMemory<byte> Data = default);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "{Method} handshake of {Identity} from {NasName} failed: {Reason}")]
        public static partial void HandshakeFailed(ILogger logger, EapType method, string identity, string nasName, string reason);

        [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "{Method} conversation of {Identity} ended on bad framing: {Problem}")]
        public static partial void BadFraming(ILogger logger, EapType method, string identity, string problem);

        [LoggerMessage(EventId = 3503, Level = LogLevel.Information, Message = "{Method} conversation of {Identity} ended: the peer's fragments were refused ({Result})")]
        public static partial void BadReassembly(ILogger logger, EapType method, string identity, EapTlsReassemblyResult result);

        [LoggerMessage(EventId = 3502, Level = LogLevel.Information, Message = "{Method} conversation of {Identity} ended after too many rounds")]
        public static partial void TooManyRounds(ILogger logger, EapType method, string identity);
    }
}
