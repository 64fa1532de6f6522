using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>Start, Interim-Update and Stop through the session grain: counters, duplicates, order, export.</summary>
[Collection(AccountingClusterCollection.Name)]
public sealed class AccountingSessionTests(AccountingClusterFixture fixture)
{
    [Fact]
    public async Task Start_interim_stop_keeps_gigawords_folded_counters_and_exports_each_record()
    {
        var records = new Records("nas-a");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);

        // RFC 2869 §5.1: Acct-Input-Gigawords 1 with Acct-Input-Octets 5 is 2^32 + 5 octets.
        var input = AccountingRecord.FoldGigawords(5, 1);
        var output = AccountingRecord.FoldGigawords(7, 2);
        Assert.Equal(4_294_967_301UL, input);

        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Start()));
        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Interim(60, input, output)));
        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Stop(120, input + 10, output + 20)));

        var view = await session.Get();
        Assert.NotNull(view);
        Assert.False(view.IsOpen);
        Assert.Equal(SessionClosedBy.Nas, view.ClosedBy);
        Assert.Equal(4_294_967_311UL, view.InputOctets);
        Assert.Equal(8_589_934_619UL, view.OutputOctets);
        Assert.Equal(120U, view.SessionTime);
        Assert.Equal(1U, view.TerminateCause);
        Assert.Equal(Records.Epoch, view.StartTime);

        var exported = fixture.ExportedFor(records.SessionId);
        Assert.Equal(["Start", "Interim-Update", "Stop"], exported.Select(entry => entry.Status));
        Assert.Equal(4_294_967_301UL, exported[1].InputOctets);
        Assert.Equal(3, exported.Select(entry => entry.RecordId).Distinct().Count());
    }

    [Fact]
    public async Task The_exported_record_carries_every_field_in_a_fixed_order()
    {
        var records = new Records("nas-fields");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        var stop = records.Stop(3_600, AccountingRecord.FoldGigawords(5, 1), 2_000, terminateCause: 1);

        await session.Record(stop);

        var fields = fixture.ExportedFor(records.SessionId)[^1].ToFields();
        Assert.Equal(
            [
                new("record_id", AccountingRecordId.Of(stop)),
                new("nas", "nas-fields"),
                new("session_id", records.SessionId),
                new("status", "Stop"),
                new("user", "alice"),
                new("event_time", "2025-03-01T13:00:00Z"),
                new("session_time", "3600"),
                new("input_octets", "4294967301"),
                new("output_octets", "2000"),
                new("input_packets", "20"),
                new("output_packets", "20"),
                new("framed_ip", "10.0.0.7"),
                new("calling_station_id", "00-11-22-33-44-55"),
                new("called_station_id", "AA-BB-CC-DD-EE-FF:corp"),
                new("nas_port", "17"),
                new("terminate_cause", "1"),
                new("closed_by", "nas"),
            ],
            fields);
    }

    [Fact]
    public async Task A_duplicate_stop_is_acknowledged_and_counted_once()
    {
        var records = new Records("nas-a");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        var stop = records.Stop(300, 1_000, 2_000);

        Assert.Equal(AccountingAck.Recorded, await session.Record(stop));

        // A retransmission carries a larger Acct-Delay-Time; the gateway's event time stays within rounding.
        Assert.Equal(AccountingAck.Duplicate, await session.Record(stop with { DelayTime = 3, EventTime = stop.EventTime.AddSeconds(1) }));
        Assert.Equal(AccountingAck.Duplicate, await session.Record(stop));

        Assert.Single(fixture.ExportedFor(records.SessionId), entry => entry.Status == "Stop");
        Assert.Equal(1_000UL, (await session.Get())!.InputOctets);
    }

    [Fact]
    public async Task A_retransmitted_start_or_interim_is_a_duplicate()
    {
        var records = new Records("nas-a");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        await session.Record(records.Interim(60, 100, 200));

        Assert.Equal(AccountingAck.Duplicate, await session.Record(records.Start() with { DelayTime = 2 }));
        Assert.Equal(AccountingAck.Duplicate, await session.Record(records.Interim(60, 100, 200) with { DelayTime = 2 }));

        Assert.Equal(2, fixture.ExportedFor(records.SessionId).Count);
    }

    [Fact]
    public async Task An_interim_before_its_start_creates_the_open_session()
    {
        var records = new Records("nas-b");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);

        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Interim(600, 5_000, 6_000)));

        var view = await session.Get();
        Assert.NotNull(view);
        Assert.True(view.IsOpen);
        Assert.Equal(5_000UL, view.InputOctets);
        Assert.Equal(Records.Epoch, view.StartTime); // estimated: event time minus session time
        Assert.Contains(records.SessionId, await fixture.Grains.GetGrain<INasSessionsGrain>("nas-b").List());
        Assert.Contains(await fixture.Grains.GetGrain<IUserSessionsGrain>("alice").List(), open => open.SessionId == records.SessionId);

        // The late Start is still taken (and exported), without reopening anything twice.
        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Start()));
        Assert.Equal(["Interim-Update", "Start"], fixture.ExportedFor(records.SessionId).Select(entry => entry.Status));

        await session.Record(records.Stop(700, 6_000, 7_000));
    }

    [Fact]
    public async Task A_stop_for_an_unknown_session_is_recorded_closed()
    {
        var records = new Records("nas-c");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);

        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Stop(90, 10, 20, terminateCause: 4)));

        var view = await session.Get();
        Assert.NotNull(view);
        Assert.False(view.IsOpen);
        Assert.Equal(SessionClosedBy.Nas, view.ClosedBy);
        Assert.Equal(4U, view.TerminateCause);
        Assert.DoesNotContain(records.SessionId, await fixture.Grains.GetGrain<INasSessionsGrain>("nas-c").List());
        Assert.Single(fixture.ExportedFor(records.SessionId));
    }

    [Fact]
    public async Task A_start_that_arrives_after_its_stop_is_recorded_once_and_leaves_the_session_closed()
    {
        // A NAS that sends both at once over two sockets: the Stop can win the race.
        var records = new Records("nas-c");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Stop(90, 10, 20));

        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Start()));
        Assert.Equal(AccountingAck.Duplicate, await session.Record(records.Start()));
        Assert.Equal(AccountingAck.Duplicate, await session.Record(records.Stop(90, 10, 20)));

        var view = await session.Get();
        Assert.False(view!.IsOpen);
        Assert.Equal(90U, view.SessionTime);
        Assert.DoesNotContain(records.SessionId, await fixture.Grains.GetGrain<INasSessionsGrain>("nas-c").List());
        Assert.Equal(["Stop", "Start"], fixture.ExportedFor(records.SessionId).Select(record => record.Status));
    }

    [Fact]
    public async Task Counters_never_roll_back()
    {
        var records = new Records("nas-a");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        await session.Record(records.Interim(120, 10_000, 20_000, packets: 50));

        // A newer interim with lower counters (a NAS bug or a lost wrap) and an older one arriving late.
        Assert.Equal(AccountingAck.Recorded, await session.Record(records.Interim(180, 9_000, 25_000, packets: 40)));
        Assert.Equal(AccountingAck.Duplicate, await session.Record(records.Interim(60, 1_000, 2_000)));

        var view = await session.Get();
        Assert.Equal(10_000UL, view!.InputOctets);
        Assert.Equal(25_000UL, view.OutputOctets);
        Assert.Equal(50UL, view.InputPackets);
        Assert.Equal(180U, view.SessionTime);
        var exported = fixture.ExportedFor(records.SessionId);
        Assert.Equal(10_000UL, exported[^1].InputOctets);
        Assert.True(exported.Zip(exported.Skip(1)).All(pair => pair.Second.InputOctets >= pair.First.InputOctets));
    }

    [Fact]
    public async Task An_interim_after_the_stop_is_ignored()
    {
        var records = new Records("nas-a");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        await session.Record(records.Stop(100, 1_000, 1_000));

        Assert.Equal(AccountingAck.Ignored, await session.Record(records.Interim(200, 5_000, 5_000)));

        var view = await session.Get();
        Assert.False(view!.IsOpen);
        Assert.Equal(1_000UL, view.InputOctets);
    }

    [Fact]
    public async Task A_commit_that_failed_before_it_was_applied_is_taken_on_the_retransmission()
    {
        var records = new Records("nas-crash", "kate");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        var stop = records.Stop(60, 700, 800);

        fixture.Faulty.FailNextCommit();
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.Record(stop));

        // Not acknowledged and not taken: the session is still open and the NAS retransmits.
        Assert.True((await session.Get())!.IsOpen);
        Assert.Equal(AccountingAck.Recorded, await session.Record(stop with { DelayTime = 5 }));

        Assert.False((await session.Get())!.IsOpen);
        Assert.Single(fixture.ExportedFor(records.SessionId), entry => entry.Status == "Stop");
        Assert.Empty(await fixture.Grains.GetGrain<IUserSessionsGrain>("kate").List());
    }

    [Fact]
    public async Task A_commit_whose_reply_was_lost_makes_the_retransmission_a_duplicate()
    {
        var records = new Records("nas-crash", "karl");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(records.GrainKey);
        await session.Record(records.Start());
        var stop = records.Stop(60, 700, 800);

        fixture.Faulty.LoseNextCommitReply();
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.Record(stop));

        // The commit landed whole though nobody heard it: the retransmission reads it and counts nothing twice.
        Assert.False((await session.Get())!.IsOpen);
        Assert.Equal(AccountingAck.Duplicate, await session.Record(stop with { DelayTime = 5 }));
        Assert.Single(fixture.ExportedFor(records.SessionId), entry => entry.Status == "Stop");
        Assert.Empty(await fixture.Grains.GetGrain<IUserSessionsGrain>("karl").List());
    }

    [Fact]
    public async Task A_record_for_another_session_is_refused()
    {
        var records = new Records("nas-a");
        var session = fixture.Grains.GetGrain<IAccountingSessionGrain>(AccountingKeys.Session("nas-other", records.SessionId));

        await Assert.ThrowsAsync<ArgumentException>(() => session.Record(records.Start()));
    }
}
