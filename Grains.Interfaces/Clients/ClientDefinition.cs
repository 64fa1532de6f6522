namespace Orleans.Radius.Grains.Clients;

/// <summary>A NAS client as stored in the registry: the same fields as a <c>Clients</c> entry in configuration.</summary>
/// <param name="Name">Configured name; the key of the NAS's budget and accounting grains.</param>
/// <param name="Address">An IP address or CIDR block the NAS sends from.</param>
/// <param name="Secret">The shared secret (stored in Valkey, never returned by the admin API).</param>
/// <param name="RequireMessageAuthenticator">Refuse Access-Requests without a valid Message-Authenticator.</param>
/// <param name="RequestsPerSecond">Cluster-wide request budget; 0 = unlimited.</param>
/// <param name="CoaPort">UDP port of the NAS's dynamic authorization server (RFC 5176).</param>
/// <param name="EapMethods">EAP methods the client's users may use; null = every method <c>Eap:Methods</c> allows.</param>
[GenerateSerializer, Immutable, Alias("radius.client-definition")]
public sealed record ClientDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Address,
    [property: Id(2)] string Secret,
    [property: Id(3)] bool RequireMessageAuthenticator,
    [property: Id(4)] int RequestsPerSecond,
    [property: Id(5)] int CoaPort,
    [property: Id(6)] IReadOnlyList<string>? EapMethods = null);

/// <summary>Every registered client at one version.</summary>
[GenerateSerializer, Immutable, Alias("radius.client-registry-snapshot")]
public sealed record ClientRegistrySnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<ClientDefinition> Clients);
