namespace Orleans.Radius.Grains.Tests.Probe;

/// <summary>The health-check round trip names the silo that answered.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class ProbeGrainTests(DefaultClusterFixture fixture)
{
    [Fact]
    public async Task Ping_returns_the_name_of_the_silo()
    {
        var name = await fixture.Grains.GetGrain<IProbeGrain>(0).Ping();

        Assert.Equal(Assert.Single(fixture.Cluster.Silos).Name, name);
    }

    [Fact]
    public async Task Status_names_the_silo_and_reports_storage_available_where_nothing_monitors_it()
    {
        var status = await fixture.Grains.GetGrain<IProbeGrain>(0).Status();

        Assert.Equal(Assert.Single(fixture.Cluster.Silos).Name, status.Silo);
        Assert.True(status.StorageAvailable);
    }
}
