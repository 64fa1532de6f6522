using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>Accounting-On/Off close the NAS's open sessions, each through its own grain so the close is exported.</summary>
[Collection(AccountingClusterCollection.Name)]
public sealed class NasRebootTests(AccountingClusterFixture fixture)
{
    [Fact]
    public async Task Accounting_on_closes_the_nas_sessions_and_exports_their_stops()
    {
        var first = new Records("nas-reboot", "bob");
        var second = new Records("nas-reboot", "carol");
        var elsewhere = new Records("nas-steady", "dave");
        await fixture.Grains.RecordAccountingAsync(first.Start());
        await fixture.Grains.RecordAccountingAsync(second.Interim(60, 100, 100));
        await fixture.Grains.RecordAccountingAsync(elsewhere.Start());
        var on = new AccountingRecord("nas-reboot", "0", AccountingStatusType.AccountingOn, null, Records.Epoch.AddHours(1));

        var ack = await fixture.Grains.RecordAccountingAsync(on);

        Assert.Equal(new AccountingAck(AccountingOutcome.Recorded, 2), ack);
        foreach (var records in new[] { first, second })
        {
            var view = await fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey).Get();
            Assert.False(view!.IsOpen);
            Assert.Equal(SessionClosedBy.NasReboot, view.ClosedBy);
            Assert.Equal(TerminateCauses.NasReboot, view.TerminateCause);
            var stop = Assert.Single(fixture.ExportedFor(records.SessionId), entry => entry.Status == "Stop");
            Assert.Equal("nas-reboot", stop.ClosedBy);
            Assert.Equal(11U, stop.TerminateCause);
            Assert.Empty(await fixture.Grains.GetGrain<IUserSessionsGrain>(records.UserName!).List());
        }

        Assert.Empty(await fixture.Grains.GetGrain<INasSessionsGrain>("nas-reboot").List());
        Assert.True((await fixture.Grains.GetGrain<IAccountingSessionGrain>(elsewhere.GrainKey).Get())!.IsOpen);

        // The retransmitted Accounting-On finds nothing left to close and exports nothing more.
        Assert.Equal(0, (await fixture.Grains.RecordAccountingAsync(on with { DelayTime = 3 })).SessionsClosed);
        Assert.Single(fixture.ExportedFor(first.SessionId), entry => entry.Status == "Stop");
    }

    [Fact]
    public async Task A_session_started_after_the_reboot_stays_open()
    {
        var before = new Records("nas-late-on", "erin");
        var after = new Records("nas-late-on", "frank");
        await fixture.Grains.RecordAccountingAsync(before.Start());
        await fixture.Grains.RecordAccountingAsync(after.Start() with { EventTime = Records.Epoch.AddHours(2) });

        var ack = await fixture.Grains.RecordAccountingAsync(
            new AccountingRecord("nas-late-on", "", AccountingStatusType.AccountingOff, null, Records.Epoch.AddHours(1)));

        Assert.Equal(1, ack.SessionsClosed);
        Assert.True((await fixture.Grains.GetGrain<IAccountingSessionGrain>(after.GrainKey).Get())!.IsOpen);
        Assert.Equal([after.SessionId], await fixture.Grains.GetGrain<INasSessionsGrain>("nas-late-on").List());
    }

    [Fact]
    public async Task A_real_stop_after_the_reboot_close_is_still_taken()
    {
        var records = new Records("nas-stop-after-on", "gina");
        await fixture.Grains.RecordAccountingAsync(records.Start());
        await fixture.Grains.RecordAccountingAsync(
            new AccountingRecord("nas-stop-after-on", "0", AccountingStatusType.AccountingOn, null, Records.Epoch.AddHours(1)));

        Assert.Equal(AccountingAck.Recorded, await fixture.Grains.RecordAccountingAsync(records.Stop(30, 500, 600)));

        Assert.Equal(["nas-reboot", "nas"], fixture.ExportedFor(records.SessionId).Where(entry => entry.Status == "Stop").Select(entry => entry.ClosedBy));
        Assert.Equal(SessionClosedBy.Nas, (await fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey).Get())!.ClosedBy);
    }
}
