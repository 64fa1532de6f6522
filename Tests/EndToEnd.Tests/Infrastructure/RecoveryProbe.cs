using System.Diagnostics;
using System.Globalization;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Time-stamped single-shot logins (no retransmission) cycling over many users while something is being
/// killed: the first answered probe after the last unanswered one marks when every user worked again.
/// </summary>
internal sealed class RecoveryProbe : IAsyncDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TimeSpan Sent, bool Answered)> _probes = [];
    private readonly Task[] _loops;
    private TimeSpan? _event;

    public RecoveryProbe(RadiusNode gateway, int users, int loops = 4)
    {
        _loops = [.. Enumerable.Range(0, loops).Select(loop => Task.Run(() => RunAsync(gateway, users, loop, loops)))];
    }

    /// <summary>Marks the moment of the failure (e.g. just before a kill).</summary>
    public void MarkEvent() => _event = _clock.Elapsed;

    public int Sent
    {
        get
        {
            lock (_probes)
            {
                return _probes.Count;
            }
        }
    }

    /// <summary>Stops probing and describes what the probes saw after the event.</summary>
    public async Task<RecoveryReport> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        var start = _event ?? TimeSpan.Zero;
        List<(TimeSpan Sent, bool Answered)> after;
        lock (_probes)
        {
            after = [.. _probes.Where(probe => probe.Sent >= start).OrderBy(probe => probe.Sent)];
        }

        var failed = after.Where(probe => !probe.Answered).ToList();
        if (failed.Count == 0)
        {
            return new RecoveryReport(after.Count, 0, TimeSpan.Zero, Recovered: true);
        }

        var lastFailure = failed[^1].Sent;
        var recovered = after.FirstOrDefault(probe => probe.Answered && probe.Sent > lastFailure);
        return recovered == default
            ? new RecoveryReport(after.Count, failed.Count, _clock.Elapsed - start, Recovered: false)
            : new RecoveryReport(after.Count, failed.Count, recovered.Sent - start, Recovered: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_loops);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(RadiusNode gateway, int users, int loop, int loops)
    {
        using var nas = new UdpExchange();
        byte identifier = 0;
        for (var user = loop; !_stop.IsCancellationRequested; user = (user + loops) % users)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"user{user:D4}");
            var request = AccessRequests.Pap(identifier++, name, string.Create(CultureInfo.InvariantCulture, $"pass{user:D4}"));
            var sent = _clock.Elapsed;
            var reply = await nas.SendAsync(request, gateway.Auth, ProbeTimeout);
            var answered = reply is not null && AccessRequests.IsSignedReplyTo(reply, request) && AccessRequests.CodeOf(reply) == RadiusCode.AccessAccept;
            lock (_probes)
            {
                _probes.Add((sent, answered));
            }

            // A few hundred probes a second are enough resolution and leave the CPU to the cluster.
            await Task.Delay(10, CancellationToken.None);
        }
    }
}

/// <summary>What the probes saw after the event: how many failed and when the last failure was followed by a success.</summary>
internal sealed record RecoveryReport(int Probes, int Failed, TimeSpan RecoveryTime, bool Recovered)
{
    public override string ToString() => Failed == 0
        ? $"{Probes} probes after the kill, none unanswered"
        : Recovered
            ? $"{Probes} probes after the kill, {Failed} unanswered; every user answered again {RecoveryTime.TotalSeconds:F2} s after the kill"
            : $"{Probes} probes after the kill, {Failed} unanswered; still failing {RecoveryTime.TotalSeconds:F2} s after the kill";
}
