using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Gateway.Telemetry;
using Orleans.Radius.Grains;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// The per-request path: validate, find the NAS, check its authenticators and budget, ask the grain with a
/// deadline, encode and sign the reply, send it from the socket the request arrived on. Every request
/// ends in exactly one reply or one counted drop.
/// </summary>
internal sealed partial class RequestDispatcher(
    GatewayState state, IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider time, ILogger<RequestDispatcher> logger)
{
    private readonly ConcurrentDictionary<InFlightKey, byte> _inFlight = new();
    private readonly TimeSpan _deadline = options.Value.ClusterDeadline;
    private readonly DropLog _dropLog = new(logger);
    private int _inFlightCount;

    public int InFlight => Volatile.Read(ref _inFlightCount);

    public async Task DispatchAsync(InboundDatagram datagram)
    {
        Interlocked.Increment(ref _inFlightCount);
        try
        {
            await HandleAsync(datagram);
        }
        catch (Exception exception)
        {
            // A bug must cost one request, never the listener.
            Log.Unexpected(logger, exception);
            GatewayMetrics.Dropped("unknown", DropReason.Malformed);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlightCount);
            datagram.Dispose();
        }
    }

    private ValueTask HandleAsync(InboundDatagram datagram)
    {
        var packet = datagram.Packet.Span;
        if (RadiusPacketReader.TryParse(packet, out var request) != RadiusParseError.None)
        {
            return Drop(datagram, "unknown", DropReason.Malformed, null);
        }

        var code = RadiusCodes.Name(request.Code);
        var client = state.Clients.Find(datagram.Source);
        if (client is null)
        {
            return Drop(datagram, code, DropReason.UnknownClient, null);
        }

        // Fail-closed during a Valkey outage: silence (Status-Server included) sends the NAS to another server.
        if (state.RefuseRequests)
        {
            return Drop(datagram, code, DropReason.StorageUnavailable, client);
        }

        return (request.Code, datagram.Kind) switch
        {
            (RadiusCode.AccessRequest, ListenerKind.Authentication) => HandleAccessRequestAsync(datagram, client, code),
            (RadiusCode.StatusServer, _) => AnswerStatusServer(datagram, client, code),
            (RadiusCode.AccountingRequest, ListenerKind.Accounting) => HandleAccountingRequestAsync(datagram, client, code),
            _ => Drop(datagram, code, DropReason.UnexpectedCode, client),
        };
    }

    private async ValueTask HandleAccessRequestAsync(InboundDatagram datagram, NasClient client, string code)
    {
        if (!TryAdmitAccessRequest(datagram, client, out var reason, out var kind, out var userName, out var authRequest, out var eapRequest))
        {
            await Drop(datagram, code, reason, client);
            return;
        }

        if (kind == AccessRequestKind.Eap)
        {
            await HandleEapRoundAsync(datagram, client, code, eapRequest!);
            return;
        }

        var result = kind == AccessRequestKind.Unsupported
            ? AuthResult.Rejected
            : await AskClusterAsync(datagram, client, code, () => grains.GetGrain<IUserGrain>(userName).Authenticate(authRequest!));
        if (result is not null)
        {
            var accepted = result.Outcome == AuthOutcome.Accept;
            var outcome = result.Replayed ? GatewayMetrics.DuplicateReplayed : accepted ? GatewayMetrics.Accept : GatewayMetrics.Reject;
            await ReplyAsync(datagram, client, code, accepted ? RadiusCode.AccessAccept : RadiusCode.AccessReject, result.Attributes, outcome);
        }
    }

    // One grain call per round; the reply carries the EAP packet, and the State on a challenge.
    private async ValueTask HandleEapRoundAsync(InboundDatagram datagram, NasClient client, string code, EapRequest eap)
    {
        var result = await AskClusterAsync(datagram, client, code, () => grains.GetGrain<IEapConversationGrain>(eap.ConversationKey).Process(eap.Round));
        switch (result?.Kind)
        {
            case null:
                return;
            case EapReplyKind.Challenge:
                await ReplyAsync(datagram, client, code, RadiusCode.AccessChallenge, EapReplyAttributes.Build(result.EapMessage, eap.State, []), "challenge");
                return;
            case EapReplyKind.Accept:
                await ReplyAsync(datagram, client, code, RadiusCode.AccessAccept, EapReplyAttributes.Build(result.EapMessage, null, result.Attributes), "accept");
                return;
            case EapReplyKind.Reject:
                await ReplyAsync(datagram, client, code, RadiusCode.AccessReject, EapReplyAttributes.Build(result.EapMessage, null, []), "reject");
                return;
            default:
                // RFC 3748 §4.1: an EAP packet the conversation cannot take is silently discarded.
                await Drop(datagram, code, DropReason.Malformed, client);
                return;
        }
    }

    private async ValueTask HandleAccountingRequestAsync(InboundDatagram datagram, NasClient client, string code)
    {
        if (!TryAdmitAccountingRequest(datagram, client, out var reason, out var record))
        {
            await Drop(datagram, code, reason, client);
            return;
        }

        // The Accounting-Response goes out only after the grain has written the record durably.
        if (await AskClusterAsync(datagram, client, code, () => grains.RecordAccountingAsync(record!)) is not null)
        {
            await ReplyAsync(datagram, client, code, RadiusCode.AccountingResponse, [], GatewayMetrics.Response);
        }
    }

    /// <summary>
    /// What every request that needs the cluster goes through: the NAS's budget, this gateway's in-flight
    /// set (a retransmission of a request still on its way is dropped), and one grain call within the
    /// deadline. Null when the request was dropped — and counted — instead.
    /// </summary>
    private async ValueTask<T?> AskClusterAsync<T>(InboundDatagram datagram, NasClient client, string code, Func<Task<T>> call)
        where T : class
    {
        if (client.Budget is { } budget && !await budget.TryTakeAsync())
        {
            await Drop(datagram, code, DropReason.RateLimited, client);
            return null;
        }

        var packet = datagram.Packet.Span;
        var key = RequestKeys.CreateInFlight(datagram.Source, packet[RadiusPacket.IdentifierOffset], packet.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength));
        if (!_inFlight.TryAdd(key, 0))
        {
            await Drop(datagram, code, DropReason.DuplicateInProgress, client);
            return null;
        }

        try
        {
            var result = await call().WaitAsync(_deadline);
            state.ClusterAnswered();
            return result;
        }
        catch (TimeoutException)
        {
            await Drop(datagram, code, DropReason.Deadline, client);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ClusterCallFailed(logger, client.Name, exception.GetType().Name, exception.Message);
            await Drop(datagram, code, DropReason.ClusterError, client);
            return null;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private bool TryAdmitAccountingRequest(InboundDatagram datagram, NasClient client, out DropReason reason, out AccountingRecord? record)
    {
        record = null;
        var packet = datagram.Packet.Span;
        RadiusPacketReader.TryParse(packet, out var reader);
        if (!RadiusSigner.VerifyComputedRequestAuthenticator(packet, client.Secret)
            || RadiusSigner.CheckRequestMessageAuthenticator(reader, client.Secret) == MessageAuthenticatorCheck.Invalid)
        {
            reason = DropReason.BadAuthenticator;
            return false;
        }

        record = AccountingRequestDecoder.Decode(reader, client.Name, time.GetUtcNow());
        reason = record is null ? DropReason.Malformed : default;
        return record is not null;
    }

    // Everything that needs the packet span happens here, before the first await.
    private static bool TryAdmitAccessRequest(
        InboundDatagram datagram, NasClient client, out DropReason reason, out AccessRequestKind kind, out string userName, out AuthRequest? request,
        out EapRequest? eapRequest)
    {
        kind = AccessRequestKind.Unsupported;
        userName = "";
        request = null;
        eapRequest = null;
        RadiusPacketReader.TryParse(datagram.Packet.Span, out var reader);
        var check = RadiusSigner.CheckRequestMessageAuthenticator(reader, client.Secret);
        if (check == MessageAuthenticatorCheck.Invalid)
        {
            reason = DropReason.BadAuthenticator;
            return false;
        }

        // RFC 3579 §3.2: EAP requires Message-Authenticator; BlastRADIUS: required by default for all.
        if (check == MessageAuthenticatorCheck.Missing
            && (client.RequireMessageAuthenticator || reader.TryGetAttribute(RadiusAttributeType.EapMessage, out _)))
        {
            reason = DropReason.MissingMessageAuthenticator;
            return false;
        }

        kind = reader.TryGetAttribute(RadiusAttributeType.EapMessage, out _)
            ? AccessRequestDecoder.DecodeEap(reader, client, datagram.Source, out eapRequest)
            : AccessRequestDecoder.Decode(reader, client, datagram.Source, out userName, out request);
        if (kind == AccessRequestKind.Malformed)
        {
            reason = DropReason.Malformed;
            return false;
        }

        reason = default;
        return true;
    }

    private ValueTask AnswerStatusServer(InboundDatagram datagram, NasClient client, string code)
    {
        RadiusPacketReader.TryParse(datagram.Packet.Span, out var reader);
        // RFC 5997 §3: Status-Server without a valid Message-Authenticator is silently discarded.
        if (RadiusSigner.CheckRequestMessageAuthenticator(reader, client.Secret) != MessageAuthenticatorCheck.Valid)
        {
            return Drop(datagram, code, DropReason.BadAuthenticator, client);
        }

        var replyCode = datagram.Kind == ListenerKind.Authentication ? RadiusCode.AccessAccept : RadiusCode.AccountingResponse;
        return ReplyAsync(datagram, client, code, replyCode, [], GatewayMetrics.Accept);
    }

    private static ValueTask ReplyAsync(
        InboundDatagram datagram, NasClient client, string code, RadiusCode replyCode, IReadOnlyList<ReplyAttribute> attributes, string outcome)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(RadiusPacket.MaxLength);
        try
        {
            var length = ReplyEncoder.Encode(buffer, datagram.Packet.Span, replyCode, attributes, client.Secret);
            if (length == 0)
            {
                GatewayMetrics.Dropped(code, DropReason.ReplyTooLarge);
                return ValueTask.CompletedTask;
            }

            // A UDP send only blocks when the socket's send buffer is full; doing it inline saves an async
            // operation (and a SocketAsyncEventArgs) per reply.
            datagram.Socket.SendTo(buffer.AsSpan(0, length), System.Net.Sockets.SocketFlags.None, datagram.Source);
            GatewayMetrics.Answered(code, outcome, length, datagram.ReceivedTimestamp);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The NAS's address is unreachable right now; it will retransmit.
            GatewayMetrics.Dropped(code, DropReason.SendFailed);
        }
        catch (ObjectDisposedException)
        {
            GatewayMetrics.Dropped(code, DropReason.SendFailed);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask Drop(InboundDatagram datagram, string code, DropReason reason, NasClient? client)
    {
        GatewayMetrics.Dropped(code, reason);
        _dropLog.Dropped(reason, client?.Name, datagram.Source);
        return ValueTask.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Unexpected failure handling a RADIUS request")]
        public static partial void Unexpected(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Grain call for client {Client} failed ({ExceptionType}: {Message}); request dropped, the NAS will retransmit")]
        public static partial void ClusterCallFailed(ILogger logger, string client, string exceptionType, string message);
    }
}
