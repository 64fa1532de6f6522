using Orleans.Radius.Grains.Clients;

namespace Orleans.Radius.Grains.Tests.Clients;

/// <summary>The client registry: versioned changes, address conflicts, seeding, durability.</summary>
/// <remarks>The registry is one grain per cluster, so each test uses names and addresses of its own.</remarks>
[Collection(DefaultClusterCollection.Name)]
public sealed class ClientRegistryTests(DefaultClusterFixture fixture)
{
    private IClientRegistryGrain Registry => fixture.Grains.ClientRegistryGrain();

    [Fact]
    public async Task Every_change_moves_the_version_and_an_unchanged_upsert_does_not()
    {
        var client = Client("reg-version", "192.0.2.10");
        var before = await Registry.GetVersion();

        Assert.Equal(ClientUpsertOutcome.Created, (await Registry.Upsert(client)).Outcome);
        var created = await Registry.GetVersion();
        Assert.Equal(ClientUpsertOutcome.Unchanged, (await Registry.Upsert(client)).Outcome);
        Assert.Equal(created, await Registry.GetVersion());
        Assert.Equal(ClientUpsertOutcome.Updated, (await Registry.Upsert(client with { Secret = "other" })).Outcome);
        var updated = await Registry.GetVersion();
        Assert.True(await Registry.Delete("REG-VERSION"));
        var deleted = await Registry.GetVersion();

        Assert.True(before < created && created < updated && updated < deleted);
        Assert.Null(await Registry.Get("reg-version"));
        Assert.False(await Registry.Delete("reg-version"));
    }

    [Fact]
    public async Task Names_compare_case_insensitively()
    {
        await Registry.Upsert(Client("Reg-Case", "192.0.2.11"));

        Assert.Equal("Reg-Case", (await Registry.Get("reg-case"))?.Name);
        Assert.Equal(ClientUpsertOutcome.Updated, (await Registry.Upsert(Client("REG-CASE", "192.0.2.11", "new"))).Outcome);
        Assert.Single((await Registry.List()).Clients, c => c.Name.Equals("reg-case", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_second_client_on_the_same_address_is_refused()
    {
        await Registry.Upsert(Client("reg-first", "192.0.2.12"));

        var result = await Registry.Upsert(Client("reg-second", "192.0.2.12/32"));

        Assert.Equal(ClientUpsertOutcome.AddressInUse, result.Outcome);
        Assert.Equal("reg-first", result.ConflictingClient);
        Assert.Null(await Registry.Get("reg-second"));
    }

    [Fact]
    public async Task Seeding_writes_once_and_skips_taken_addresses()
    {
        await Registry.Upsert(Client("reg-holder", "192.0.2.13"));
        ClientDefinition[] configured = [Client("reg-seed-a", "192.0.2.14"), Client("reg-seed-b", "198.51.100.0/24"), Client("reg-seed-c", "192.0.2.13")];

        var first = await Registry.Seed(configured);
        var version = await Registry.GetVersion();
        var second = await Registry.Seed(configured);

        Assert.Equal(2, first.Changed);
        Assert.Equal(["reg-seed-c"], first.Skipped);
        Assert.Equal(0, second.Changed);
        Assert.Equal(version, await Registry.GetVersion());
    }

    [Fact]
    public async Task The_registry_is_read_back_from_storage_after_deactivation()
    {
        var client = Client("reg-durable", "2001:db8::/64") with { CoaPort = 1700, RequestsPerSecond = 50, RequireMessageAuthenticator = false };
        await Registry.Upsert(client);
        var version = await Registry.GetVersion();

        await fixture.Cluster.DeactivateAsync(Registry);

        Assert.Equal(client, await Registry.Get("reg-durable"));
        Assert.Equal(version, await Registry.GetVersion());
        Assert.Equal(version, (await Registry.List()).Version);
    }

    private static ClientDefinition Client(string name, string address, string secret = "s3cret") =>
        new(name, address, secret, RequireMessageAuthenticator: true, RequestsPerSecond: 0, CoaPort: ClientRegistry.DefaultCoaPort);
}
