using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>
/// Users and clients written through the admin API live in Valkey: a silo started after the only silo was
/// killed serves them. No token is configured here, so the API answers loopback callers without one.
/// </summary>
public sealed class AdminRestartTests : IAsyncLifetime
{
    private readonly RadiusCluster _cluster = new("e2e-admin-restart");

    public async Task InitializeAsync()
    {
        await _cluster.StartRedisAsync();
        _cluster.Configure("admin-restart.json", []);
        await _cluster.StartAsync(silos: 1, gateways: 0);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Api_changes_survive_a_silo_restart()
    {
        var before = new AdminClient(_cluster.Silos[0].BaseAddress, token: null);
        Assert.Equal(HttpStatusCode.Created, (await before.PutAsync("/api/users/durable-api-user", new { NtHash = "8846F7EAEE8FB117AD06BDD830B7586C" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await before.PutAsync("/api/clients/durable-nas", new { Address = "192.0.2.0/24", Secret = "durable", CoaPort = 1700 })).Status);

        await _cluster.KillAsync(_cluster.Silos[0]);
        await _cluster.EnsureAsync(silos: 1, gateways: 0);
        var after = new AdminClient(_cluster.Silos[0].BaseAddress, token: null);

        var (userStatus, user) = await after.GetAsync("/api/users/durable-api-user");
        Assert.Equal(HttpStatusCode.OK, userStatus);
        Assert.True(user!["hasNtHash"]!.GetValue<bool>());
        Assert.False(user["hasCleartextPassword"]!.GetValue<bool>());
        Assert.Contains("durable-api-user", await after.AllUserNamesAsync(pageSize: 10));
        var (clientStatus, client) = await after.GetAsync("/api/clients/durable-nas");
        Assert.Equal(HttpStatusCode.OK, clientStatus);
        Assert.Equal(1700, client!["coaPort"]!.GetValue<int>());
        Assert.Equal("192.0.2.0/24", client["address"]!.GetValue<string>());
    }
}
