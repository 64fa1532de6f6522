using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Clients;

namespace Orleans.Radius.Gateway.Clients;

/// <summary>
/// How a gateway's own <c>Clients</c> configuration and the cluster's client registry combine into the
/// clients it serves: the union, where a registry entry replaces a configured entry with the same name
/// (case-insensitive) or the same address/block. A gateway therefore never serves fewer clients than its
/// configuration names, and the registry, being the one place the admin API changes, wins every conflict.
/// </summary>
public static class ClientSources
{
    /// <summary>The merged client list; registry entries that fail validation are left out and named in <paramref name="rejected"/>.</summary>
    public static List<ClientOptions> Merge(IReadOnlyList<ClientOptions> configured, IReadOnlyList<ClientDefinition> registry, List<string>? rejected = null)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(registry);
        var fromRegistry = new List<ClientOptions>();
        foreach (var definition in registry)
        {
            var options = ToOptions(definition);
            if (ConfigurationProblems.ForClient(options).Count == 0)
            {
                fromRegistry.Add(options);
            }
            else
            {
                rejected?.Add(definition.Name);
            }
        }

        var names = fromRegistry.Select(client => client.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ranges = fromRegistry.Select(client => RangeOf(client)).ToHashSet();
        return
        [
            .. configured.Where(client => !names.Contains(client.Name) && !ranges.Contains(RangeOf(client))),
            .. fromRegistry,
        ];
    }

    /// <summary>A registry entry as client options.</summary>
    public static ClientOptions ToOptions(ClientDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ClientOptions
        {
            Name = definition.Name,
            Address = definition.Address,
            Secret = definition.Secret,
            RequireMessageAuthenticator = definition.RequireMessageAuthenticator,
            RequestsPerSecond = definition.RequestsPerSecond,
            CoaPort = definition.CoaPort,
            EapMethods = definition.EapMethods is { } methods ? [.. methods] : null,
        };
    }

    /// <summary>Client options as a registry entry.</summary>
    public static ClientDefinition ToDefinition(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ClientDefinition(options.Name, options.Address, options.Secret, options.RequireMessageAuthenticator, options.RequestsPerSecond, options.CoaPort, options.EapMethods);
    }

    private static NasAddressRange? RangeOf(ClientOptions client) => NasAddressRange.TryParse(client.Address, out var range) ? range : null;
}
