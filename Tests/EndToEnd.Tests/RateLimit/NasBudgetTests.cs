using System.Globalization;
using Orleans.Radius.EndToEnd.Tests.Failover;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.RateLimit;

/// <summary>
/// A NAS's request budget holds across gateways: offered 2,000/s split over two gateways, a 1,000/s
/// budget admits about 1,000/s in total, not 1,000/s per gateway.
/// </summary>
[Collection(NasBudgetCollection.Name)]
public sealed class NasBudgetTests(NasBudgetFixture fixture, ITestOutputHelper output)
{
    private const int Budget = 1000;
    private const int Seconds = 6;

    [Fact]
    public async Task A_budget_split_over_two_gateways_admits_the_budget_not_twice_it()
    {
        var gateways = fixture.Cluster.Gateways;
        var runs = gateways.Select(gateway => RadLoad.RunAsync(
            ["-s", gateway.AuthServer, "-S", ClusterConfigFile.Secret, "-m", "pap", "-M", "-u", FailoverFixture.LoadUsers.ToString(CultureInfo.InvariantCulture),
             "-w", "1000", "-R", "1000", "-d", Seconds.ToString(CultureInfo.InvariantCulture), "-t", "300", "-r", "0"],
            TimeSpan.FromSeconds(Seconds + 30))).ToList();
        var results = await Task.WhenAll(runs);

        long admitted = 0;
        foreach (var result in results)
        {
            var line = RadLoad.ResultLine(result);
            output.WriteLine(line);
            Assert.Equal(0, RadLoad.Counter(line, "bad_auth"));
            Assert.Equal(0, RadLoad.Counter(line, "mismatch"));
            admitted += RadLoad.Counter(line, "ok");
        }

        var rate = admitted / (double)Seconds;
        output.WriteLine($"offered 2 x 1000/s for {Seconds} s; admitted {admitted} = {rate:F0}/s against a budget of {Budget}/s");
        Assert.InRange(rate, Budget * 0.9, Budget * 1.1);
    }
}

public sealed class NasBudgetFixture : IAsyncLifetime
{
    internal RadiusCluster Cluster { get; } = new("e2e-budget");

    public async Task InitializeAsync()
    {
        await Cluster.StartRedisAsync();
        Cluster.Configure("budget.json", FailoverFixture.LoadUserList(), maxFailures: 0, requestsPerSecond: 1000);
        await Cluster.StartAsync(silos: 1, gateways: 2);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NasBudgetCollection : ICollectionFixture<NasBudgetFixture>
{
    public const string Name = "nas-budget";
}
