namespace Orleans.Radius.Grains.Clients;

/// <summary>
/// The cluster's NAS clients, durable in one grain (key <see cref="ClientRegistry.Key"/>): seeded from the
/// silos' configuration, changed through the admin API, polled by every gateway through its version number.
/// </summary>
[Alias("radius.client-registry")]
public interface IClientRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>A number that changes whenever a client is added, changed or removed; cheap enough to poll every second.</summary>
    [Alias("version")]
    Task<long> GetVersion();

    /// <summary>Every client and the version they belong to.</summary>
    [Alias("list")]
    Task<ClientRegistrySnapshot> List();

    /// <summary>The client named <paramref name="name"/> (names compare case-insensitively), or null.</summary>
    [Alias("get")]
    Task<ClientDefinition?> Get(string name);

    /// <summary>Creates or replaces a client; refused when another client already has the same address or block.</summary>
    [Alias("upsert")]
    Task<ClientUpsertResult> Upsert(ClientDefinition client);

    /// <summary>Removes a client; false when there was none.</summary>
    [Alias("delete")]
    Task<bool> Delete(string name);

    /// <summary>
    /// Upserts configured clients at silo start with at most one write; returns how many changed. A client
    /// whose address another client holds is skipped and named in the result.
    /// </summary>
    [Alias("seed")]
    Task<ClientSeedResult> Seed(IReadOnlyList<ClientDefinition> clients);
}
