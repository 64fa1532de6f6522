using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.EndToEnd.Tests.Accounting.AcctAttribute;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// A paced population of NAS sessions, each a Start then a Stop, sent the way a NAS sends them: wait 1 s
/// for the Accounting-Response, retransmit up to three times with Acct-Delay-Time raised by the time
/// waited (so a new Identifier and authenticator), each retransmission to the next gateway still listed.
/// </summary>
/// <param name="prefix">Acct-Session-Id prefix of this run's sessions.</param>
/// <param name="sessions">How many sessions (each a Start and a Stop).</param>
/// <param name="requestsPerSecond">Pace of first transmissions.</param>
/// <param name="retries">Retransmissions after the first try (a NAS typically makes three).</param>
internal sealed class AccountingLoad(string prefix, int sessions, int requestsPerSecond, int retries = 3)
{
    private const int Workers = 16;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Session, string Status), bool> _outcomes = new();
    private readonly Stopwatch _clock = new();
    private volatile RadiusNode[] _gateways = [];
    private int _nextSession = -1;
    private long _nextSlot = -1;
    private int _retransmissions;

    /// <summary>Sessions that got an Accounting-Response, by (Acct-Session-Id, stream status name).</summary>
    public IReadOnlyCollection<(string Session, string Status)> Acknowledged => [.. _outcomes.Where(outcome => outcome.Value).Select(outcome => outcome.Key)];

    /// <summary>Requests still unanswered after every retransmission.</summary>
    public IReadOnlyCollection<(string Session, string Status)> Unanswered => [.. _outcomes.Where(outcome => !outcome.Value).Select(outcome => outcome.Key)];

    /// <summary>Requests sent again after a timeout.</summary>
    public int Retransmissions => Volatile.Read(ref _retransmissions);

    /// <summary>Replaces the gateways retransmissions go to (e.g. once one has died).</summary>
    public void UseGateways(IEnumerable<RadiusNode> gateways) => _gateways = [.. gateways];

    public Task RunAsync(IEnumerable<RadiusNode> gateways)
    {
        UseGateways(gateways);
        _clock.Start();
        return Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));
    }

    public string SessionId(int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index:D4}");

    private async Task WorkAsync()
    {
        for (var index = Interlocked.Increment(ref _nextSession); index < sessions; index = Interlocked.Increment(ref _nextSession))
        {
            var session = SessionId(index);
            await SendAsync(index, session, AcctStatus.Start, "Start", []);
            await SendAsync(index, session, AcctStatus.Stop, "Stop",
            [
                Integer(RadiusAttributeType.AcctSessionTime, 60), Integer(RadiusAttributeType.AcctInputOctets, (uint)index),
                Integer(RadiusAttributeType.AcctOutputOctets, (uint)index * 2), Integer(RadiusAttributeType.AcctTerminateCause, 1),
            ]);
        }
    }

    private async Task SendAsync(int index, string session, AcctStatus status, string statusName, AcctAttribute[] counters)
    {
        await PaceAsync();
        using var nas = new UdpExchange();
        var identifier = (byte)index;
        for (var attempt = 0; attempt <= retries; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retransmissions);
            }

            var gateways = _gateways;
            var gateway = gateways[(index + attempt) % gateways.Length];
            var delay = (uint)(attempt * Timeout.TotalSeconds);
            var request = AcctRequests.Build(identifier++,
            [
                Status(status), Session(session), User(string.Create(CultureInfo.InvariantCulture, $"load{index % 50:D2}")),
                Integer(RadiusAttributeType.NasPort, (uint)index), .. counters, Integer(RadiusAttributeType.AcctDelayTime, delay),
            ]);
            var sent = Stopwatch.StartNew();
            var reply = await nas.SendAsync(request, new IPEndPoint(IPAddress.Loopback, gateway.AcctPort), Timeout);
            if (reply is not null && AcctRequests.IsResponseTo(reply, request))
            {
                _outcomes[(session, statusName)] = true;
                return;
            }

            // An ICMP unreachable from a dead gateway ends the wait early; a NAS still waits out its timeout.
            if (sent.Elapsed < Timeout)
            {
                await Task.Delay(Timeout - sent.Elapsed);
            }
        }

        _outcomes[(session, statusName)] = false;
    }

    // First transmissions only: retransmissions go out when their timeout says, as a NAS's do.
    private async Task PaceAsync()
    {
        var due = TimeSpan.FromSeconds((double)Interlocked.Increment(ref _nextSlot) / requestsPerSecond);
        if (due > _clock.Elapsed)
        {
            await Task.Delay(due - _clock.Elapsed);
        }
    }
}
