using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.EndToEnd.Tests.Accounting.AcctAttribute;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// RFC 2866 accounting through both gateways: every request is answered only once its record is durable,
/// and the Valkey stream holds each Start, Interim-Update and Stop exactly once.
/// </summary>
[Collection(AccountingCollection.Name)]
public sealed class AccountingTests(AccountingFixture fixture)
{
    private const uint EventBase = 1_767_225_600; // 2026-01-01T00:00:00Z

    [Fact]
    public async Task Start_interim_and_stop_through_alternating_gateways_are_exported_with_gigawords_folded()
    {
        var session = AcctRequests.NewSessionId("flow");
        AcctAttribute[] common =
        [
            Session(session), User("acct-user"), Integer(RadiusAttributeType.NasPort, 7),
            Address(RadiusAttributeType.FramedIpAddress, "10.1.2.3"), Text(RadiusAttributeType.CallingStationId, "02-00-00-00-00-01"),
        ];

        await AcctRequests.SendAsync(fixture.Gateway(1), fixture.Cluster.Output, [Status(AcctStatus.Start), .. common, Integer(RadiusAttributeType.EventTimestamp, EventBase)]);
        await AcctRequests.SendAsync(fixture.Gateway(2), fixture.Cluster.Output,
        [
            Status(AcctStatus.InterimUpdate), .. common, Integer(RadiusAttributeType.AcctSessionTime, 60),
            Integer(RadiusAttributeType.AcctInputOctets, 5), Integer(RadiusAttributeType.AcctInputGigawords, 1),
            Integer(RadiusAttributeType.AcctOutputOctets, 1000), Integer(RadiusAttributeType.AcctOutputGigawords, 0),
            Integer(RadiusAttributeType.AcctInputPackets, 10), Integer(RadiusAttributeType.AcctOutputPackets, 20),
            Integer(RadiusAttributeType.EventTimestamp, EventBase + 60),
        ]);
        await AcctRequests.SendAsync(fixture.Gateway(1), fixture.Cluster.Output,
        [
            Status(AcctStatus.Stop), .. common, Integer(RadiusAttributeType.AcctSessionTime, 120),
            Integer(RadiusAttributeType.AcctInputOctets, 7), Integer(RadiusAttributeType.AcctInputGigawords, 2),
            Integer(RadiusAttributeType.AcctOutputOctets, 4000), Integer(RadiusAttributeType.AcctOutputGigawords, 1),
            Integer(RadiusAttributeType.AcctInputPackets, 30), Integer(RadiusAttributeType.AcctOutputPackets, 40),
            Integer(RadiusAttributeType.AcctTerminateCause, 1), Integer(RadiusAttributeType.EventTimestamp, EventBase + 120),
        ]);

        // Acknowledged means exported: the stream is read once, with no waiting.
        var entries = await fixture.Stream.SessionAsync(session);
        Assert.True(entries.Count == 3, AccountingStream.Describe(entries));
        var (start, interim, stop) = (entries[0], entries[1], entries[2]);

        foreach (var entry in entries)
        {
            Assert.Equal("loopback-nas", entry["nas"]);
            Assert.Equal("acct-user", entry["user"]);
            Assert.Equal("10.1.2.3", entry["framed_ip"]);
            Assert.Equal("02-00-00-00-00-01", entry["calling_station_id"]);
            Assert.Equal("7", entry["nas_port"]);
            Assert.Matches("^[0-9a-f]{32}$", entry["record_id"]);
        }

        Assert.Equal(3, entries.Select(entry => entry["record_id"]).Distinct().Count());

        Assert.Equal("Start", start["status"]);
        Assert.Equal("2026-01-01T00:00:00Z", start["event_time"]);
        Assert.Equal("0", start["session_time"]);
        Assert.Equal("0", start["input_octets"]);
        Assert.Equal("", start["terminate_cause"]);
        Assert.Equal("", start["closed_by"]);

        Assert.Equal("Interim-Update", interim["status"]);
        Assert.Equal("2026-01-01T00:01:00Z", interim["event_time"]);
        Assert.Equal("60", interim["session_time"]);
        Assert.Equal("4294967301", interim["input_octets"]); // 1 × 2^32 + 5
        Assert.Equal("1000", interim["output_octets"]);
        Assert.Equal("10", interim["input_packets"]);
        Assert.Equal("20", interim["output_packets"]);
        Assert.Equal("", interim["closed_by"]);

        Assert.Equal("Stop", stop["status"]);
        Assert.Equal("2026-01-01T00:02:00Z", stop["event_time"]);
        Assert.Equal("120", stop["session_time"]);
        Assert.Equal("8589934599", stop["input_octets"]); // 2 × 2^32 + 7
        Assert.Equal("4294971296", stop["output_octets"]); // 1 × 2^32 + 4000
        Assert.Equal("30", stop["input_packets"]);
        Assert.Equal("40", stop["output_packets"]);
        Assert.Equal("1", stop["terminate_cause"]);
        Assert.Equal("nas", stop["closed_by"]);
    }

    [Fact]
    public async Task A_stop_sent_again_to_the_other_gateway_is_answered_and_stored_once()
    {
        var session = AcctRequests.NewSessionId("twice");
        await AcctRequests.SendAsync(fixture.Gateway(1), fixture.Cluster.Output,
            Status(AcctStatus.Start), Session(session), User("acct-user"), Integer(RadiusAttributeType.EventTimestamp, EventBase));

        // Each send draws a new Identifier and so a new Request Authenticator, as a NAS retransmitting to its
        // second server does: the gateways cannot tell it is a repeat, only the session grain can.
        AcctAttribute[] stop =
        [
            Status(AcctStatus.Stop), Session(session), User("acct-user"), Integer(RadiusAttributeType.AcctSessionTime, 30),
            Integer(RadiusAttributeType.AcctInputOctets, 100), Integer(RadiusAttributeType.AcctOutputOctets, 200),
            Integer(RadiusAttributeType.AcctTerminateCause, 1), Integer(RadiusAttributeType.EventTimestamp, EventBase + 30),
        ];
        await AcctRequests.SendAsync(fixture.Gateway(1), fixture.Cluster.Output, stop);
        await AcctRequests.SendAsync(fixture.Gateway(2), fixture.Cluster.Output, stop);

        var entries = await fixture.Stream.SessionAsync(session);
        Assert.True(entries.Count(entry => entry["status"] == "Stop") == 1, AccountingStream.Describe(entries));
        Assert.True(entries.Count(entry => entry["status"] == "Start") == 1, AccountingStream.Describe(entries));
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public async Task Accounting_on_from_the_nas_closes_its_open_sessions_as_nas_reboot()
    {
        string[] sessions = [AcctRequests.NewSessionId("reboot-a"), AcctRequests.NewSessionId("reboot-b")];
        for (var i = 0; i < sessions.Length; i++)
        {
            // No Event-Timestamp: the event time is the arrival time, before the Accounting-On's.
            await AcctRequests.SendAsync(fixture.Gateway(1 + i), fixture.Cluster.Output,
                Status(AcctStatus.Start), Session(sessions[i]), User("acct-user"), Integer(RadiusAttributeType.NasPort, (uint)i));
        }

        await AcctRequests.SendAsync(fixture.Gateway(2), fixture.Cluster.Output,
            Status(AcctStatus.AccountingOn), Address(RadiusAttributeType.NasIpAddress, "127.0.0.1"), Text(RadiusAttributeType.NasIdentifier, "loopback-nas"));

        foreach (var session in sessions)
        {
            // The Accounting-Response came after the closes: the Stops are there already.
            var entries = await fixture.Stream.SessionAsync(session);
            Assert.True(entries.Count == 2, AccountingStream.Describe(entries));
            Assert.Equal("Start", entries[0]["status"]);
            Assert.Equal("Stop", entries[1]["status"]);
            Assert.Equal("11", entries[1]["terminate_cause"]);
            Assert.Equal("nas-reboot", entries[1]["closed_by"]);
            Assert.Equal("acct-user", entries[1]["user"]);
        }
    }
}
