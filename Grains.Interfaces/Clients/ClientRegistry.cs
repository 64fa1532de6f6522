namespace Orleans.Radius.Grains.Clients;

/// <summary>Where the client registry lives.</summary>
public static class ClientRegistry
{
    /// <summary>The registry's grain key: one registry per cluster.</summary>
    public const long Key = 0;

    /// <summary>RFC 5176 §3: the default UDP port of a NAS's dynamic authorization server.</summary>
    public const int DefaultCoaPort = 3799;

    /// <summary>The cluster's client registry.</summary>
    public static IClientRegistryGrain ClientRegistryGrain(this IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IClientRegistryGrain>(Key);
    }
}
