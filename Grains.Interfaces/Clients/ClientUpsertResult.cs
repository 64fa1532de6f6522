namespace Orleans.Radius.Grains.Clients;

/// <summary>What an upsert did to the registry.</summary>
public enum ClientUpsertOutcome : byte
{
    Created = 1,
    Updated = 2,
    Unchanged = 3,

    /// <summary>Another client already has this address or block; nothing changed.</summary>
    AddressInUse = 4,
}

/// <summary>The outcome of an upsert, and the client holding the address when it was refused.</summary>
[GenerateSerializer, Immutable, Alias("radius.client-upsert-result")]
public sealed record ClientUpsertResult(
    [property: Id(0)] ClientUpsertOutcome Outcome,
    [property: Id(1)] string? ConflictingClient = null);

/// <summary>What seeding did: how many clients changed, and the ones skipped because their address was taken.</summary>
[GenerateSerializer, Immutable, Alias("radius.client-seed-result")]
public sealed record ClientSeedResult(
    [property: Id(0)] int Changed,
    [property: Id(1)] IReadOnlyList<string> Skipped);
