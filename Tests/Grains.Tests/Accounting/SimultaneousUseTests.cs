using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>The per-user session index: "who is online" and Simultaneous-Use reservations.</summary>
[Collection(AccountingClusterCollection.Name)]
public sealed class SimultaneousUseTests(AccountingClusterFixture fixture)
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task With_max_sessions_one_a_second_login_is_refused_until_the_first_stops()
    {
        var userName = $"solo-{Guid.NewGuid():N}";
        var user = fixture.Grains.GetGrain<IUserSessionsGrain>(userName);
        var records = new Records("nas-su", userName);

        Assert.True(await user.TryReserve(1, Hold));
        Assert.False(await user.TryReserve(1, Hold)); // the reservation counts until its Start arrives

        await fixture.Grains.RecordAccountingAsync(records.Start());
        fixture.Clock.Advance(Hold * 2);
        Assert.False(await user.TryReserve(1, Hold)); // the open session counts, with no reservation left

        await fixture.Grains.RecordAccountingAsync(records.Stop(60, 1, 1));
        Assert.True(await user.TryReserve(1, Hold));
    }

    [Fact]
    public async Task A_reservation_whose_start_never_arrives_expires()
    {
        var user = fixture.Grains.GetGrain<IUserSessionsGrain>($"lost-{Guid.NewGuid():N}");

        Assert.True(await user.TryReserve(1, Hold));
        fixture.Clock.Advance(Hold - TimeSpan.FromSeconds(1));
        Assert.False(await user.TryReserve(1, Hold));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await user.TryReserve(1, Hold));
    }

    [Fact]
    public async Task A_start_consumes_one_reservation()
    {
        var userName = $"pair-{Guid.NewGuid():N}";
        var user = fixture.Grains.GetGrain<IUserSessionsGrain>(userName);

        Assert.True(await user.TryReserve(2, Hold));
        Assert.True(await user.TryReserve(2, Hold));
        Assert.False(await user.TryReserve(2, Hold));

        // One Start replaces one reservation: still two counted. Its retransmission consumes nothing more.
        var records = new Records("nas-su", userName);
        await fixture.Grains.RecordAccountingAsync(records.Start());
        await fixture.Grains.RecordAccountingAsync(records.Start() with { DelayTime = 2 });
        Assert.False(await user.TryReserve(2, Hold));

        fixture.Clock.Advance(Hold);
        Assert.True(await user.TryReserve(2, Hold));
    }

    [Fact]
    public async Task No_limit_always_grants()
    {
        var user = fixture.Grains.GetGrain<IUserSessionsGrain>($"free-{Guid.NewGuid():N}");

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await user.TryReserve(0, Hold));
        }
    }

    [Fact]
    public async Task Who_is_online_lists_open_sessions_oldest_first()
    {
        var userName = $"online-{Guid.NewGuid():N}";
        var older = new Records("nas-x", userName);
        var newer = new Records("nas-y", userName);
        await fixture.Grains.RecordAccountingAsync(newer.Start(framedIp: "10.1.0.2") with { EventTime = Records.Epoch.AddMinutes(5) });
        await fixture.Grains.RecordAccountingAsync(older.Start(framedIp: "10.1.0.1"));

        var online = await fixture.Grains.GetGrain<IUserSessionsGrain>(userName).List();

        Assert.Equal(
            [
                new OpenSession("nas-x", older.SessionId, Records.Epoch, "10.1.0.1"),
                new OpenSession("nas-y", newer.SessionId, Records.Epoch.AddMinutes(5), "10.1.0.2"),
            ],
            online);

        await fixture.Grains.RecordAccountingAsync(older.Stop(10, 1, 1));
        Assert.Equal([newer.SessionId], (await fixture.Grains.GetGrain<IUserSessionsGrain>(userName).List()).Select(open => open.SessionId));
    }
}
