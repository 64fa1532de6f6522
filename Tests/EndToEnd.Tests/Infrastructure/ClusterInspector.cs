using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>Looks at a running cluster from outside: the dashboard's activation counts and the membership table in Valkey.</summary>
internal static class ClusterInspector
{
    private const int DeadStatus = 6;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>UserGrain activations per silo port, from the dashboard of <paramref name="silo"/> (empty until it has sampled).</summary>
    public static async Task<Dictionary<int, int>> UserActivationsBySiloPortAsync(RadiusNode silo)
    {
        var counts = new Dictionary<int, int>();
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(silo.BaseAddress, "/dashboard/DashboardCounters")));
        foreach (var stat in document.RootElement.GetProperty("simpleGrainStats").EnumerateArray())
        {
            if (stat.GetProperty("grainType").GetString()?.EndsWith(".UserGrain", StringComparison.Ordinal) == true
                && PortOf(stat.GetProperty("siloAddress").GetString()) is { } port)
            {
                counts[port] = counts.GetValueOrDefault(port) + stat.GetProperty("activationCount").GetInt32();
            }
        }

        return counts;
    }

    /// <summary>True once the membership table says the silo on <paramref name="siloPort"/> is Dead.</summary>
    public static async Task<bool> IsDeclaredDeadAsync(IDatabase redis, string membershipKey, int siloPort)
    {
        foreach (var entry in await redis.HashGetAllAsync(membershipKey))
        {
            if (entry.Value.IsNullOrEmpty || !entry.Value.ToString().StartsWith('{'))
            {
                continue; // the table's version field
            }

            using var document = JsonDocument.Parse(entry.Value.ToString());
            var address = document.RootElement.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString();
            if (PortOf(address) == siloPort && document.RootElement.GetProperty("Status").GetInt32() == DeadStatus)
            {
                return true;
            }
        }

        return false;
    }

    // "127.0.0.1:21111@154778834" → 21111
    private static int? PortOf(string? siloAddress)
    {
        if (siloAddress is null)
        {
            return null;
        }

        var at = siloAddress.IndexOf('@', StringComparison.Ordinal);
        var colon = siloAddress.LastIndexOf(':', at < 0 ? siloAddress.Length - 1 : at);
        return colon >= 0 && int.TryParse(siloAddress.AsSpan(colon + 1, (at < 0 ? siloAddress.Length : at) - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
    }
}
