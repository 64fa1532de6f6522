using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.EndToEnd.Tests.Accounting.AcctAttribute;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// The stale-session reaper: a session whose NAS announced Acct-Interim-Interval and then fell silent is
/// closed by the reaper's reminder after StaleMultiplier × interval + StaleGrace (1 × 1 s + 2 s in this
/// cluster; the reaper ticks every second).
/// </summary>
[Collection(AccountingCollection.Name)]
public sealed class ReaperTests(AccountingFixture fixture)
{
    // The deadline is 3 s; the rest is room for a reminder tick on a busy two-core machine.
    private static readonly TimeSpan ReapWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_session_without_updates_is_closed_by_the_reaper_within_its_deadline()
    {
        var session = AcctRequests.NewSessionId("stale");
        await AcctRequests.SendAsync(fixture.Gateway(1), fixture.Cluster.Output,
            Status(AcctStatus.Start), Session(session), User("stale-user"),
            Address(RadiusAttributeType.FramedIpAddress, "10.9.9.9"), Integer(RadiusAttributeType.AcctInterimInterval, 1));

        var entries = await fixture.Stream.WaitForSessionAsync(session, found => found.Any(entry => entry["status"] == "Stop"), ReapWithin);

        Assert.True(entries.Count == 2, AccountingStream.Describe(entries));
        var stop = entries[1];
        Assert.Equal("Stop", stop["status"]);
        Assert.Equal("reaper", stop["closed_by"]);
        Assert.Equal("stale-user", stop["user"]);
        Assert.Equal("10.9.9.9", stop["framed_ip"]);
        Assert.Equal("", stop["terminate_cause"]);
    }
}
