using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Silo.Admin.Coa;

/// <summary>
/// Sends one Disconnect- or CoA-Request from the silo host to a NAS and waits for its answer, sending the
/// same bytes again after each <see cref="AdminOptions.CoaTimeout"/> (RFC 5080 §2.2.1: a retransmission
/// keeps the Identifier and authenticator) up to <see cref="AdminOptions.CoaAttempts"/> times.
/// </summary>
/// <remarks>
/// Each request gets its own connected UDP socket on an ephemeral port: only the NAS's datagrams reach it,
/// and identifiers never collide between concurrent requests.
/// </remarks>
public sealed partial class DynamicAuthorizationClient(IOptions<AdminOptions> options, ILogger<DynamicAuthorizationClient> logger)
{
    public async Task<DynamicAuthorizationResult> SendAsync(
        IPEndPoint nas, RadiusCode code, SessionIdentification session, IReadOnlyList<ReplyAttribute> attributes, byte[] secret,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nas);
        var settings = options.Value;
        var request = new byte[RadiusPacket.MaxLength];
        var length = DynamicAuthorizationPacket.Write(request, code, (byte)RandomNumberGenerator.GetInt32(256), session, attributes, secret);
        if (length == 0)
        {
            throw new ArgumentException("the attributes do not fit one RADIUS packet", nameof(attributes));
        }

        using var socket = new Socket(nas.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var source = settings.CoaSourceAddress is { Length: > 0 } configured
            ? IPAddress.Parse(configured)
            : nas.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any;
        socket.Bind(new IPEndPoint(source, 0));
        await socket.ConnectAsync(nas, cancellationToken);

        var target = nas.ToString();
        var started = Stopwatch.GetTimestamp();
        var response = new byte[RadiusPacket.MaxLength];
        var discarded = 0;
        for (var attempt = 1; attempt <= settings.CoaAttempts; attempt++)
        {
            await socket.SendAsync(request.AsMemory(0, length), SocketFlags.None, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(settings.CoaTimeout);
            while (true)
            {
                int received;
                try
                {
                    received = await socket.ReceiveAsync(response, SocketFlags.None, wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
                {
                    // ICMP port unreachable (reported once per ICMP message): nothing listens there right now;
                    // wait out the attempt as for silence.
                    continue;
                }

                var answer = DynamicAuthorizationPacket.Read(response.AsSpan(0, received), request.AsSpan(0, length), secret);
                if (!answer.IsValid)
                {
                    discarded++;
                    Log.Discarded(logger, target);
                    continue;
                }

                var result = new DynamicAuthorizationResult(
                    answer.Acknowledged ? DynamicAuthorizationResult.Ack : DynamicAuthorizationResult.Nak,
                    RadiusCodes.Name(answer.Code), target, attempt, answer.ErrorCause,
                    answer.ErrorCause is { } cause ? ErrorCauses.Name(cause) : null, discarded,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Log.Answered(logger, code, target, answer.Code, answer.ErrorCause);
                return result;
            }
        }

        Log.TimedOut(logger, code, target, settings.CoaAttempts);
        return new DynamicAuthorizationResult(
            DynamicAuthorizationResult.Timeout, null, target, settings.CoaAttempts, null, null, discarded, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Request} to {Nas} answered {Answer} (Error-Cause {ErrorCause})")]
        public static partial void Answered(ILogger logger, RadiusCode request, string nas, RadiusCode answer, uint? errorCause);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Request} to {Nas} got no answer after {Attempts} attempts")]
        public static partial void TimedOut(ILogger logger, RadiusCode request, string nas, int attempts);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Discarded a datagram from {Nas} that is no valid answer (wrong code or identifier, or bad authenticator)")]
        public static partial void Discarded(ILogger logger, string nas);
    }
}
