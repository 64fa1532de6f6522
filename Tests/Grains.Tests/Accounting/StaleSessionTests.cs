using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>
/// The reaper through a real Orleans reminder (ticking every second in this cluster): sessions that
/// announce a one-second interim interval are stale two seconds after their last update on the manual clock.
/// </summary>
[Collection(AccountingClusterCollection.Name)]
public sealed class StaleSessionTests(AccountingClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_session_without_updates_is_closed_by_the_reaper_and_its_close_exported()
    {
        var records = new Records("nas-stale", "henry");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start(interimInterval: 1));
        await session.Record(records.Interim(1, 4_000, 8_000) with { InterimInterval = 1 });

        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        var view = await WaitUntilAsync(session, view => view is { IsOpen: false });

        Assert.Equal(SessionClosedBy.Reaper, view!.ClosedBy);
        Assert.Null(view.TerminateCause);
        var stop = Assert.Single(fixture.ExportedFor(records.SessionId), entry => entry.Status == "Stop");
        Assert.Equal("reaper", stop.ClosedBy);
        Assert.Equal(4_000UL, stop.InputOctets);
        Assert.DoesNotContain(records.SessionId, await fixture.Grains.GetGrain<INasSessionsGrain>("nas-stale").List());
        Assert.Empty(await fixture.Grains.GetGrain<IUserSessionsGrain>("henry").List());
    }

    [Fact]
    public async Task An_update_moves_the_deadline_and_a_later_interim_reopens_a_reaped_session()
    {
        var records = new Records("nas-stale", "irene");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start(interimInterval: 1));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await session.Record(records.Interim(1, 100, 100) with { InterimInterval = 1 });
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        // Past the Start's deadline but not the Interim's: the reaper ticks (every second) and leaves it open.
        // Asserting that nothing happens needs a bounded wait; nothing observable can be awaited instead.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.True((await session.Get())!.IsOpen);

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilAsync(session, view => view is { IsOpen: false });

        // The NAS still had the session: its next Interim-Update reopens it.
        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Interim(10, 900, 900) with { InterimInterval = 600 }));
        var reopened = await session.Get();
        Assert.True(reopened!.IsOpen);
        Assert.Contains(records.SessionId, await fixture.Grains.GetGrain<INasSessionsGrain>("nas-stale").List());
        await session.Record(records.Stop(20, 1_000, 1_000));
    }

    [Fact]
    public async Task A_closed_session_is_forgotten_after_the_retention()
    {
        var records = new Records("nas-retention", "jack");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        await session.Record(records.Stop(5, 1, 1));

        fixture.Clock.Advance(AccountingClusterFixture.Retention + TimeSpan.FromSeconds(1));

        await WaitUntilAsync(session, view => view is null);
    }

    private static async Task<AccountingSessionView?> WaitUntilAsync(IAccountingSessionGrain session, Func<AccountingSessionView?, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var view = await session.Get();
            if (condition(view))
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
