using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Orleans.Radius.EndToEnd.Tests.Accounting;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.EndToEnd.Tests.Accounting.AcctAttribute;

namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// A NAS configured the way deploy/README.md says: a primary and a secondary accounting server. Each session
/// is a Start then a Stop; a request unanswered after 1 s is sent again (Acct-Delay-Time raised, so a new
/// Identifier and authenticator) to the other server, up to three retransmissions. Remembers which records
/// were acknowledged.
/// </summary>
/// <param name="prefix">Acct-Session-Id prefix of this NAS's sessions.</param>
/// <param name="servers">Primary first, then secondary.</param>
/// <param name="secret">The NAS's shared secret.</param>
internal sealed class TwinNas(string prefix, IReadOnlyList<IPEndPoint> servers, string secret)
{
    private const int Workers = 16;
    private const int Retries = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Session, string Status), bool> _outcomes = new();
    private readonly Stopwatch _clock = new();
    private int _nextSession = -1;
    private long _nextSlot = -1;
    private int _retransmissions;

    public string Prefix => prefix;

    /// <summary>Records that got an Accounting-Response, as (Acct-Session-Id, stream status).</summary>
    public IReadOnlyCollection<(string Session, string Status)> Acknowledged => [.. _outcomes.Where(o => o.Value).Select(o => o.Key)];

    /// <summary>Records still unanswered after every retransmission.</summary>
    public IReadOnlyCollection<(string Session, string Status)> Unanswered => [.. _outcomes.Where(o => !o.Value).Select(o => o.Key)];

    public int Retransmissions => Volatile.Read(ref _retransmissions);

    /// <summary>Sends <paramref name="sessions"/> sessions, first transmissions paced at <paramref name="requestsPerSecond"/>.</summary>
    public Task RunAsync(int sessions, int requestsPerSecond)
    {
        _clock.Start();
        return Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(sessions, requestsPerSecond))));
    }

    private async Task WorkAsync(int sessions, int requestsPerSecond)
    {
        for (var index = Interlocked.Increment(ref _nextSession); index < sessions; index = Interlocked.Increment(ref _nextSession))
        {
            var session = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index:D4}");
            await SendAsync(index, session, AcctStatus.Start, "Start", [], requestsPerSecond);
            await SendAsync(index, session, AcctStatus.Stop, "Stop",
            [
                Integer(RadiusAttributeType.AcctSessionTime, 60), Integer(RadiusAttributeType.AcctInputOctets, (uint)index),
                Integer(RadiusAttributeType.AcctOutputOctets, (uint)index * 2), Integer(RadiusAttributeType.AcctTerminateCause, 1),
            ], requestsPerSecond);
        }
    }

    private async Task SendAsync(int index, string session, AcctStatus status, string statusName, AcctAttribute[] counters, int requestsPerSecond)
    {
        await PaceAsync(requestsPerSecond);
        using var exchange = new UdpExchange();
        var identifier = (byte)index;
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retransmissions);
            }

            var request = AcctRequests.Build(identifier++,
            [
                Status(status), Session(session), User(string.Create(CultureInfo.InvariantCulture, $"twin{index % 20:D2}")),
                Integer(RadiusAttributeType.NasPort, (uint)index), .. counters, Integer(RadiusAttributeType.AcctDelayTime, (uint)(attempt * Timeout.TotalSeconds)),
            ], secret);
            var sent = Stopwatch.StartNew();
            var reply = await exchange.SendAsync(request, servers[attempt % servers.Count], Timeout);
            if (reply is not null && AccessRequests.IsSignedReplyTo(reply, request, secret) && AccessRequests.CodeOf(reply) == RadiusCode.AccountingResponse)
            {
                _outcomes[(session, statusName)] = true;
                return;
            }

            // An ICMP unreachable from a dead server ends the wait early; a NAS still waits out its timeout.
            if (sent.Elapsed < Timeout)
            {
                await Task.Delay(Timeout - sent.Elapsed);
            }
        }

        _outcomes[(session, statusName)] = false;
    }

    private async Task PaceAsync(int requestsPerSecond)
    {
        var due = TimeSpan.FromSeconds((double)Interlocked.Increment(ref _nextSlot) / requestsPerSecond);
        if (due > _clock.Elapsed)
        {
            await Task.Delay(due - _clock.Elapsed);
        }
    }
}
