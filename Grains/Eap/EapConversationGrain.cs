using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Radius.Grains.Options;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// One EAP conversation: identity, method choice and Nak, identifiers, the running method, retransmissions,
/// idle expiry. A conversation nobody knows (its silo died with a TLS engine, or it expired) is answered at
/// once with Access-Reject and EAP-Failure, so the supplicant restarts instead of timing out.
/// </summary>
// The gateway that opens a conversation reaches the cluster through a silo chosen by the key's hash; placing
// the activation there saves a hop, and a silo that is draining receives no new calls from clients, so new
// conversations avoid it (see EapDrain).
[PreferLocalPlacement]
internal sealed partial class EapConversationGrain(
    [PersistentState("eap", EapOptions.StorageName)] IPersistentState<EapConversationState> state,
    IEapMethodFactory methods,
    IOptions<EapOptions> options,
    IOptions<EapCertificateOptions> certificates,
    IOptions<DedupOptions> dedup,
    EapConversationTracker tracker,
    TimeProvider time,
    ILogger<EapConversationGrain> logger) : Grain, IEapConversationGrain
{
    private const byte MicrosoftVendorType = 26;
    private const uint MicrosoftVendorId = 311;
    private const byte MsMppeSendKeyType = 16;
    private const byte MsMppeRecvKeyType = 17;
    private const int MaxIdentityLength = 253;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private IEapMethod? _method;
    private EapMethodContext? _context;
    private bool _counted;
    private bool _persisted;

    private EapConversationState Conversation => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var conversation = Conversation;
        if (conversation.Stage != EapConversationStage.None
            && time.GetUtcNow() - conversation.LastActivity > options.Value.ConversationTimeout)
        {
            // Storage outlived the conversation: treat it as unknown.
            state.State = new EapConversationState();
        }
        else if (conversation.Stage == EapConversationStage.InMethod)
        {
            _persisted = true;
            Resume(conversation);
        }

        // Often enough that a finished conversation leaves about when its dedup window closes.
        var shortest = options.Value.ConversationTimeout < dedup.Value.Window ? options.Value.ConversationTimeout : dedup.Value.Window;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, shortest.Ticks / 2));
        this.RegisterGrainTimer(ExpireIfIdleAsync, period, period);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ReleaseMethod();
        if (_counted)
        {
            _counted = false;
            tracker.Ended("expired");
        }

        return Task.CompletedTask;
    }

    public async Task<EapRoundResult> Process(EapRound round)
    {
        var conversation = Conversation;
        if (conversation.LastKey is { } lastKey && conversation.LastResult is { } lastResult && SameRequest(lastKey, round.Key))
        {
            return lastResult with { Replayed = true };
        }

        var result = await StepAsync(round);
        if (result.Kind == EapReplyKind.Discard)
        {
            return result;
        }

        conversation.LastKey = round.Key;
        conversation.LastResult = result;
        conversation.LastActivity = time.GetUtcNow();
        if (conversation.Stage == EapConversationStage.Finished && _counted)
        {
            _counted = false;
            tracker.Ended(result.Kind == EapReplyKind.Accept ? "accept" : "reject");
        }

        await PersistAsync();
        return result;
    }

    private async ValueTask<EapRoundResult> StepAsync(EapRound round)
    {
        var conversation = Conversation;
        if (round.EapMessage.Length == 0)
        {
            // EAP-Start (RFC 3579 §2.1): the NAS asks the server to begin with EAP-Request/Identity.
            return round.Starts && conversation.Stage == EapConversationStage.None ? AskIdentity(round) : EapRoundResult.Discarded;
        }

        if (EapPacketReader.TryParse(round.EapMessage, out var packet) != EapParseError.None || packet.Code != EapCode.Response)
        {
            return EapRoundResult.Discarded;
        }

        var identifier = packet.Identifier;
        switch (conversation.Stage)
        {
            case EapConversationStage.None when round.Starts && packet.Type == EapType.Identity:
                return Begin(round, packet.TypeData, identifier);
            case EapConversationStage.None:
                // Not a conversation this cluster knows: lost with its silo, expired, or never issued.
                LogUnknown(round);
                return Finish(EapReplyKind.Reject, identifier, []);
            case EapConversationStage.Finished:
                return Finish(EapReplyKind.Reject, identifier, []);
        }

        if (identifier != conversation.Identifier)
        {
            // RFC 3748 §4.1: a Response that does not answer the outstanding Request is silently discarded.
            return EapRoundResult.Discarded;
        }

        if (conversation.Stage == EapConversationStage.AwaitingIdentity)
        {
            return packet.Type == EapType.Identity ? Begin(round, packet.TypeData, identifier) : Finish(EapReplyKind.Reject, identifier, []);
        }

        if (_method is null || _context is null)
        {
            // The method's engine lived on a silo that is gone (TLS cannot be persisted).
            LogUnknown(round);
            return Finish(EapReplyKind.Reject, identifier, []);
        }

        if (packet.Type == EapType.Nak && !conversation.MethodAnswered)
        {
            return Nak(packet.TypeData, identifier);
        }

        if (packet.Type != _method.Type)
        {
            return Finish(EapReplyKind.Reject, identifier, []);
        }

        conversation.MethodAnswered = true;
        var step = await _method.ProcessAsync(packet.TypeData.ToArray(), _context with { RequestIdentifier = identifier });
        return Apply(step, identifier);
    }

    private EapRoundResult AskIdentity(EapRound round)
    {
        var conversation = Conversation;
        conversation.Stage = EapConversationStage.AwaitingIdentity;
        conversation.NasName = round.NasName;
        conversation.Identifier = (byte)Random.Shared.Next(256);
        CountStarted();
        var packet = new byte[EapPacket.TypeHeaderLength];
        EapPacketWriter.TryWriteIdentity(packet, EapCode.Request, conversation.Identifier, [], out _);
        return new EapRoundResult(EapReplyKind.Challenge, packet, [], false);
    }

    private EapRoundResult Begin(EapRound round, ReadOnlySpan<byte> identity, byte identifier)
    {
        var conversation = Conversation;
        conversation.NasName = round.NasName;
        CountStarted();
        if (identity.Length > MaxIdentityLength || !TryDecode(identity, out var outerIdentity))
        {
            return Finish(EapReplyKind.Reject, identifier, []);
        }

        conversation.OuterIdentity = outerIdentity;
        conversation.Allowed = AllowedMethods(round.AllowedMethods);
        if (conversation.Allowed.Length == 0)
        {
            return Finish(EapReplyKind.Reject, identifier, []);
        }

        return StartMethod((EapType)conversation.Allowed[0], identifier);
    }

    private EapRoundResult Nak(ReadOnlySpan<byte> typeData, byte identifier)
    {
        var conversation = Conversation;
        if (EapNak.TryRead(typeData, out var desired) != EapParseError.None)
        {
            return Finish(EapReplyKind.Reject, identifier, []);
        }

        // Legacy Nak (RFC 3748 §5.3.1): the first method in our order of preference the peer asked for.
        foreach (var candidate in conversation.Allowed)
        {
            if (candidate != conversation.Method && desired.Contains(candidate))
            {
                return StartMethod((EapType)candidate, identifier);
            }
        }

        return Finish(EapReplyKind.Reject, identifier, []);
    }

    private EapRoundResult StartMethod(EapType type, byte responseIdentifier)
    {
        var conversation = Conversation;
        ReleaseMethod();
        _method = methods.Create(type);
        if (_method is null)
        {
            return Finish(EapReplyKind.Reject, responseIdentifier, []);
        }

        conversation.Stage = EapConversationStage.InMethod;
        conversation.Method = (byte)type;
        conversation.MethodAnswered = false;
        _context = NewContext(conversation);
        return Apply(_method.Start(_context with { RequestIdentifier = (byte)(responseIdentifier + 1) }), responseIdentifier);
    }

    private EapRoundResult Apply(EapStep step, byte responseIdentifier)
    {
        var conversation = Conversation;
        switch (step.Kind)
        {
            case EapStepKind.Continue when step.TypeData is { } typeData && _method is not null:
                conversation.Identifier = (byte)(responseIdentifier + 1);
                var packet = new byte[EapPacket.TypeHeaderLength + typeData.Length];
                if (!EapPacketWriter.TryWrite(packet, EapCode.Request, conversation.Identifier, _method.Type, typeData, out _))
                {
                    return Finish(EapReplyKind.Reject, responseIdentifier, []);
                }

                conversation.Progress = (_method as IEapResumableMethod)?.Save();
                return new EapRoundResult(EapReplyKind.Challenge, packet, [], false);
            case EapStepKind.Success:
                return Finish(EapReplyKind.Accept, responseIdentifier, AcceptAttributes(step));
            default:
                return Finish(EapReplyKind.Reject, responseIdentifier, []);
        }
    }

    private EapRoundResult Finish(EapReplyKind kind, byte responseIdentifier, IReadOnlyList<ReplyAttribute> attributes)
    {
        var conversation = Conversation;
        conversation.Stage = EapConversationStage.Finished;
        conversation.Progress = null;
        ReleaseMethod();
        var packet = new byte[EapPacket.SuccessFailureLength];
        _ = kind == EapReplyKind.Accept
            ? EapPacketWriter.TryWriteSuccess(packet, responseIdentifier, out _)
            : EapPacketWriter.TryWriteFailure(packet, responseIdentifier, out _);
        return new EapRoundResult(kind, packet, attributes, false);
    }

    private List<ReplyAttribute> AcceptAttributes(EapStep step)
    {
        var attributes = new List<ReplyAttribute>();
        if (options.Value.ReplyInnerIdentity && step.Identity is { } identity && Encoding.UTF8.GetByteCount(identity) <= MaxIdentityLength)
        {
            var value = Encoding.UTF8.GetBytes(identity);
            attributes.Add(new ReplyAttribute([1, (byte)(value.Length + 2), .. value], ReplyEncryption.None));
        }

        if (step.Msk is { Length: >= 2 } msk)
        {
            // RFC 2548 via RFC 3579 §2.4: Recv-Key = MSK[0..32), Send-Key = MSK[32..64); a 32-byte MSK
            // (EAP-MSCHAPv2) splits in halves, as hostapd does, so the peer's MSK = Recv-Key ‖ Send-Key.
            var half = Math.Min(32, msk.Length / 2);
            attributes.Add(new ReplyAttribute(MicrosoftVsa(MsMppeRecvKeyType, msk.AsSpan(0, half)), ReplyEncryption.MicrosoftSalt));
            attributes.Add(new ReplyAttribute(MicrosoftVsa(MsMppeSendKeyType, msk.AsSpan(half, half)), ReplyEncryption.MicrosoftSalt));
        }

        if (step.Authorization is { } authorization)
        {
            attributes.AddRange(authorization.ReplyAttributes);
        }

        return attributes;
    }

    private static byte[] MicrosoftVsa(byte type, ReadOnlySpan<byte> value)
    {
        var encoded = new byte[value.Length + 8];
        encoded[0] = MicrosoftVendorType;
        encoded[1] = (byte)encoded.Length;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(encoded.AsSpan(2), MicrosoftVendorId);
        encoded[6] = type;
        encoded[7] = (byte)(value.Length + 2);
        value.CopyTo(encoded.AsSpan(8));
        return encoded;
    }

    private byte[] AllowedMethods(IReadOnlyList<string>? clientMethods)
    {
        var allowed = new List<byte>();
        foreach (var name in options.Value.EffectiveMethods)
        {
            if (EapMethodNames.TryGetTypeCode(name, out var type) && methods.Supports((EapType)type) && !allowed.Contains(type)
                && (clientMethods is null || clientMethods.Any(method => string.Equals(method, name, StringComparison.OrdinalIgnoreCase))))
            {
                allowed.Add(type);
            }
        }

        return [.. allowed];
    }

    private void Resume(EapConversationState conversation)
    {
        var method = methods.Create((EapType)conversation.Method);
        if (method is IEapResumableMethod resumable && conversation.Progress is { } progress && resumable.TryRestore(progress))
        {
            _method = method;
            _context = NewContext(conversation);
            CountStarted();
        }
        else
        {
            (method as IDisposable)?.Dispose();
        }
    }

    // A TLS-based method holds an OpenSSL connection: freed as soon as the conversation no longer needs it.
    private void ReleaseMethod()
    {
        (_method as IDisposable)?.Dispose();
        _method = null;
    }

    private EapMethodContext NewContext(EapConversationState conversation) =>
        new(conversation.OuterIdentity, conversation.NasName, new UserGrainDirectory(GrainFactory, certificates.Value.AcceptUnknownUsers), time);

    private async Task PersistAsync()
    {
        // Resumable methods are written every round (and once more when they end, so a retransmission of the
        // last round is answered the same after a failover); TLS conversations never touch storage.
        var resumable = Conversation.Progress is not null;
        if (!options.Value.PersistProgress || !(resumable || _persisted))
        {
            return;
        }

        await state.WriteStateAsync();
        _persisted = resumable;
    }

    private void CountStarted()
    {
        if (!_counted)
        {
            _counted = true;
            tracker.Started();
        }
    }

    private Task ExpireIfIdleAsync(CancellationToken cancellationToken)
    {
        var conversation = Conversation;
        var idle = time.GetUtcNow() - conversation.LastActivity;
        var limit = conversation.Stage == EapConversationStage.Finished ? dedup.Value.Window : options.Value.ConversationTimeout;
        if (idle >= limit)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    private void LogUnknown(EapRound round)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var key = this.GetPrimaryKeyString();
            Log.UnknownConversation(logger, key, round.NasName);
        }
    }

    private static bool SameRequest(RequestKey a, RequestKey b) =>
        a.Identifier == b.Identifier && a.SourcePort == b.SourcePort
        && a.Authenticator.AsSpan().SequenceEqual(b.Authenticator) && a.SourceAddress.AsSpan().SequenceEqual(b.SourceAddress);

    private static bool TryDecode(ReadOnlySpan<byte> value, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "EAP round for unknown conversation {Conversation} from client {Client}: answered with EAP-Failure")]
        public static partial void UnknownConversation(ILogger logger, string conversation, string client);
    }
}
