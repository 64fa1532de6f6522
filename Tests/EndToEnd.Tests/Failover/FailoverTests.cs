using System.Diagnostics;
using System.Globalization;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Tests.Support;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Failover;

/// <summary>
/// Processes killed for real (SIGKILL) under load. A NAS here retransmits after 1 s, three times: every
/// request must be answered inside that budget while the cluster heals.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class FailoverTests(FailoverFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(60);

    private RadiusCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Killing_the_silo_with_most_activations_under_load_leaves_no_request_unanswered()
    {
        await Cluster.EnsureAsync(silos: 2, gateways: 2);
        var gateway = Cluster.Gateways[0];
        await using var probe = new RecoveryProbe(Cluster.Gateways[1], FailoverFixture.LoadUsers);
        var load = RunLoadAsync(gateway, seconds: 8);

        // Two seconds into the run every user has an activation somewhere; pick the silo holding most of them.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var victim = await BusiestSiloAsync();
        probe.MarkEvent();
        await Cluster.KillAsync(victim);
        output.WriteLine($"killed {victim.Name} (silo port {victim.SiloPort}) 2 s into the run");

        var result = await load;
        var report = await probe.StopAsync();
        var line = RadLoad.ResultLine(result);
        output.WriteLine(line);
        output.WriteLine($"recovery: {report}");

        Assert.True(RadLoad.Counter(line, "timeout") == 0, $"{line}\n{result.StandardError}\n{Cluster.Output()}");
        Assert.True(result.ExitCode == 0, $"{line}\n{result.StandardError}");
        Assert.True(RadLoad.Counter(line, "ok") > 0, line);
        Assert.True(report.Recovered, report.ToString());
    }

    [Fact]
    public async Task Killing_a_gateway_leaves_the_other_gateway_answering_every_request()
    {
        await Cluster.EnsureAsync(silos: 2, gateways: 2);
        var (victim, survivor) = (Cluster.Gateways[0], Cluster.Gateways[1]);
        var load = RunLoadAsync(survivor, seconds: 5);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await Cluster.KillAsync(victim);
        output.WriteLine($"killed {victim.Name} 1.5 s into the run against {survivor.Name}");

        var result = await load;
        var line = RadLoad.ResultLine(result);
        output.WriteLine(line);
        Assert.True(RadLoad.Counter(line, "timeout") == 0, $"{line}\n{result.StandardError}\n{Cluster.Output()}");
        Assert.True(result.ExitCode == 0, $"{line}\n{result.StandardError}");
    }

    [Fact]
    public async Task A_user_seeded_only_by_the_first_run_still_logs_in_after_every_silo_and_gateway_is_replaced()
    {
        await Cluster.EnsureAsync(silos: 2, gateways: 2);
        // Seeding runs once the silo is up; the first login proves the user got into Valkey.
        await AssertSurvivorAcceptedAsync(Cluster.Gateways[0], TimeSpan.FromSeconds(20));

        foreach (var node in Cluster.Silos.Concat(Cluster.Gateways).ToList())
        {
            await Cluster.KillAsync(node);
        }

        Cluster.Configure("second-run.json", FailoverFixture.LoadUserList(), maxFailures: 0);
        Assert.DoesNotContain(FailoverFixture.Survivor, await File.ReadAllTextAsync(Cluster.ConfigPath), StringComparison.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var nodes = await Cluster.StartAsync(silos: 2, gateways: 2);
        output.WriteLine($"second run ready in {stopwatch.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", nodes.Select(node => $"{node.Name} {node.ReadyAfter?.TotalSeconds:F1} s")));

        await AssertSurvivorAcceptedAsync(Cluster.Gateways[1], TimeSpan.Zero);
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_in_the_membership_table_within_seconds()
    {
        await Cluster.EnsureAsync(silos: 2, gateways: 2);
        using var redis = await ConnectionMultiplexer.ConnectAsync(Cluster.Redis.ConnectionString);
        var database = redis.GetDatabase();
        var victim = Cluster.Silos[^1];
        Assert.False(await ClusterInspector.IsDeclaredDeadAsync(database, Cluster.MembershipKey, victim.SiloPort));

        await Cluster.KillAsync(victim);
        var stopwatch = Stopwatch.StartNew();
        while (!await ClusterInspector.IsDeclaredDeadAsync(database, Cluster.MembershipKey, victim.SiloPort))
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"{victim.Name} not declared dead after {stopwatch.Elapsed}\n{Cluster.Output()}");
            await Task.Delay(20);
        }

        output.WriteLine($"{victim.Name} declared Dead in {Cluster.MembershipKey} {stopwatch.Elapsed.TotalSeconds:F2} s after kill -9");
    }

    private static Task<ToolResult> RunLoadAsync(RadiusNode gateway, int seconds) =>
        RadLoad.RunAsync(
        [
            "-s", gateway.AuthServer, "-S", ClusterConfigFile.Secret, "-m", "pap", "-M",
            "-u", FailoverFixture.LoadUsers.ToString(CultureInfo.InvariantCulture),
            "-w", "32", "-d", seconds.ToString(CultureInfo.InvariantCulture), "-t", "1000", "-r", "3",
            // Paced: steady load that leaves the two shared cores room for failure detection.
            "-R", "1000",
        ],
        LoadDeadline);

    private async Task<RadiusNode> BusiestSiloAsync()
    {
        var silos = RadiusCluster.Live(Cluster.Silos);
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(3))
        {
            // Any silo's dashboard reports the whole cluster once it has sampled.
            var counts = await ClusterInspector.UserActivationsBySiloPortAsync(silos[0]);
            if (counts.Count > 0)
            {
                output.WriteLine("UserGrain activations by silo port: " + string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
                return silos.MaxBy(silo => counts.GetValueOrDefault(silo.SiloPort))!;
            }

            await Task.Delay(100);
        }

        output.WriteLine("the dashboard reported no activations yet; killing the first silo");
        return silos[0];
    }

    private static async Task AssertSurvivorAcceptedAsync(RadiusNode gateway, TimeSpan patience)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var result = await Radclient.SendAsync(gateway.AuthServer, "auth", $"""
                User-Name = "{FailoverFixture.Survivor}"
                User-Password = "{FailoverFixture.SurvivorPassword}"
                Message-Authenticator = 0x00
                """);
            if (result.ExitCode == 0 || stopwatch.Elapsed >= patience)
            {
                Assert.True(result.ExitCode == 0, result.Output);
                Assert.StartsWith("Received Access-Accept", Radclient.SingleReply(result)[0], StringComparison.Ordinal);
                return;
            }

            await Task.Delay(500);
        }
    }
}
