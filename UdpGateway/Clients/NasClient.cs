using System.Text;
using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Gateway.Clients;

/// <summary>A NAS client as the hot path needs it: the secret as bytes and its admission settings.</summary>
public sealed class NasClient
{
    public NasClient(ClientOptions options)
    {
        Name = options.Name;
        if (!NasAddressRange.TryParse(options.Address, out var range))
        {
            throw new ArgumentException($"client {options.Name}: '{options.Address}' is not an address or CIDR block", nameof(options));
        }

        Range = range;
        Secret = Encoding.UTF8.GetBytes(options.Secret);
        RequireMessageAuthenticator = options.RequireMessageAuthenticator;
        RequestsPerSecond = options.RequestsPerSecond;
        EapMethods = options.EapMethods is { Count: > 0 } methods ? [.. methods] : null;
    }

    public string Name { get; }

    public NasAddressRange Range { get; }

    public byte[] Secret { get; }

    public bool RequireMessageAuthenticator { get; }

    /// <summary>Cluster-wide budget; 0 = unlimited.</summary>
    public int RequestsPerSecond { get; }

    /// <summary>EAP methods allowed for this client, or null when only <c>Eap:Methods</c> applies.</summary>
    public IReadOnlyList<string>? EapMethods { get; }

    /// <summary>This gateway's share of the cluster-wide budget (tokens leased from the budget grain).</summary>
    internal NasBudget? Budget { get; set; }
}
