using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// The accounting promise under faults: an Accounting-Response means the record is in the stream, and no
/// retransmission, failover or silo restart puts it there twice. A silo and then a gateway are killed
/// (SIGKILL) while NAS-like clients send Starts and Stops with retransmissions.
/// </summary>
[Collection(AccountingFaultCollection.Name)]
public sealed class AccountingDurabilityTests(AccountingFaultFixture fixture, ITestOutputHelper output)
{
    private const int Sessions = 400;

    // Paced so the run lasts past both kills and leaves the two shared cores room for failure detection.
    private const int RequestsPerSecond = 150;

    private RadiusCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Every_acknowledged_record_is_stored_exactly_once_while_a_silo_and_a_gateway_are_killed()
    {
        await Cluster.EnsureAsync(silos: 2, gateways: 2);
        await WarmUpAsync();
        var load = new AccountingLoad(AcctRequests.NewSessionId("load"), Sessions, RequestsPerSecond);
        var run = load.RunAsync(Cluster.Gateways);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var silo = Cluster.Silos[0];
        await Cluster.KillAsync(silo);
        output.WriteLine($"killed {silo.Name} 2 s into the run");

        await Task.Delay(TimeSpan.FromSeconds(2));
        var (gateway, survivor) = (Cluster.Gateways[0], Cluster.Gateways[1]);
        await Cluster.KillAsync(gateway);
        load.UseGateways([survivor]);
        output.WriteLine($"killed {gateway.Name} 4 s into the run; sending to {survivor.Name} only");

        await run;

        var stored = (await fixture.Stream.ReadAllAsync())
            .Where(entry => entry["session_id"].StartsWith(load.SessionId(0)[..^4], StringComparison.Ordinal))
            .GroupBy(entry => (entry["session_id"], entry["status"]))
            .ToDictionary(group => group.Key, group => group.Count());
        var acknowledged = load.Acknowledged;
        var unanswered = load.Unanswered;
        var missing = acknowledged.Where(key => !stored.ContainsKey(key)).ToList();
        var duplicated = stored.Where(pair => pair.Value > 1).ToList();
        var summary = $"acknowledged={acknowledged.Count} stored={stored.Values.Sum()} unanswered={unanswered.Count}";
        output.WriteLine(summary);
        output.WriteLine($"acknowledged but missing={missing.Count} duplicated={duplicated.Count} retransmissions={load.Retransmissions}");

        Assert.True(missing.Count == 0, $"{summary}; acknowledged but not stored: {string.Join(", ", missing.Take(10))}\n{Cluster.Output()}");
        Assert.True(duplicated.Count == 0, $"{summary}; stored more than once: {string.Join(", ", duplicated.Take(10))}");
        Assert.True(unanswered.Count == 0, $"{summary}; unanswered within the retry budget: {string.Join(", ", unanswered.Take(10))}\n{Cluster.Output()}");
        Assert.Equal(2 * Sessions, acknowledged.Count);
    }

    // A silo connects its accounting exporter to Valkey synchronously on the first session grain activation:
    // a burst of first requests stalls it past the gateway's deadline and a NAS's whole retry budget. A
    // burst of patient warm-up sessions first (enough to reach both silos) keeps that cold start out of
    // what this test measures, the faults.
    private async Task WarmUpAsync()
    {
        var warmUp = new AccountingLoad(AcctRequests.NewSessionId("warm-up"), sessions: 16, requestsPerSecond: 1000, retries: 30);
        await warmUp.RunAsync(Cluster.Gateways);
        output.WriteLine($"warm-up: acknowledged={warmUp.Acknowledged.Count} unanswered={warmUp.Unanswered.Count} retransmissions={warmUp.Retransmissions}");
        Assert.True(warmUp.Unanswered.Count == 0, $"the cluster did not take the warm-up sessions\n{Cluster.Output()}");
    }
}
