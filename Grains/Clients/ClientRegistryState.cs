namespace Orleans.Radius.Grains.Clients;

/// <summary>The registered clients and the version gateways poll.</summary>
[GenerateSerializer, Alias("radius.client-registry-state")]
public sealed class ClientRegistryState
{
    /// <summary>Bumped on every change; gateways compare it for inequality, so a reset registry is still noticed.</summary>
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public List<ClientDefinition> Clients { get; set; } = [];
}
