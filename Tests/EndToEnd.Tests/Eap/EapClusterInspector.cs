using System.Globalization;
using System.Text.Json;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>Where a cluster's EAP conversations live, read from a silo's dashboard.</summary>
internal static class EapClusterInspector
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>EapConversationGrain activations per silo port.</summary>
    public static async Task<Dictionary<int, int>> ConversationsBySiloPortAsync(RadiusNode silo)
    {
        var counts = new Dictionary<int, int>();
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(silo.BaseAddress, "/dashboard/DashboardCounters")));
        foreach (var stat in document.RootElement.GetProperty("simpleGrainStats").EnumerateArray())
        {
            var address = stat.GetProperty("siloAddress").GetString() ?? "";
            if (stat.GetProperty("grainType").GetString()?.EndsWith(".EapConversationGrain", StringComparison.Ordinal) == true
                && PortOf(address) is { } port)
            {
                counts[port] = counts.GetValueOrDefault(port) + stat.GetProperty("activationCount").GetInt32();
            }
        }

        return counts;
    }

    /// <summary>Waits until no silo holds a conversation (earlier tests' conversations have expired).</summary>
    public static Task WaitForNoConversationsAsync(RadiusCluster cluster) =>
        WaitAsync(cluster, counts => counts.Values.All(count => count == 0) ? 0 : null, "conversations of earlier tests to expire");

    /// <summary>The silo holding the one conversation in progress.</summary>
    public static async Task<RadiusNode> WaitForHolderAsync(RadiusCluster cluster)
    {
        var port = await WaitAsync(
            cluster,
            counts => counts.Where(pair => pair.Value > 0).Select(pair => (int?)pair.Key).SingleOrDefault(),
            "a silo to report the conversation");
        return cluster.Silos.Single(silo => silo.SiloPort == port);
    }

    private static async Task<int> WaitAsync(RadiusCluster cluster, Func<Dictionary<int, int>, int?> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var counts = new Dictionary<int, int>();
            foreach (var silo in RadiusCluster.Live(cluster.Silos))
            {
                try
                {
                    foreach (var (port, count) in await ConversationsBySiloPortAsync(silo))
                    {
                        counts[port] = Math.Max(counts.GetValueOrDefault(port), count);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not serving yet.
                }
            }

            if (condition(counts) is { } result)
            {
                return result;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"timed out waiting for {what}");
    }

    // "127.0.0.1:21111@154778834" → 21111
    private static int? PortOf(string siloAddress)
    {
        var at = siloAddress.IndexOf('@', StringComparison.Ordinal);
        var end = at < 0 ? siloAddress.Length : at;
        var colon = siloAddress.LastIndexOf(':', end - 1);
        return colon >= 0 && int.TryParse(siloAddress.AsSpan(colon + 1, end - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
