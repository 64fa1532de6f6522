using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Orleans.Radius.Gateway.Telemetry;

/// <summary>
/// Adjusts instruments we do not own so <c>/metrics</c> passes <c>promtool check metrics</c>: Orleans'
/// instruments get help text; its millisecond histograms are dropped (the bridged ones in favour of the
/// second-based copies of <see cref="OrleansMetricsBridge"/>), and so are its per-message instruments
/// (PascalCase tags, and a cost on every grain call), its megabyte gauges (the runtime and process
/// instruments report memory in bytes) and its directory cache size (costly to observe); gauges named
/// <c>*.count</c> are renamed.
/// </summary>
internal static class PrometheusViews
{
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers.active",
        ["process.thread.count"] = "process.threads",
        ["process.unix.file_descriptor.count"] = "process.unix.file_descriptors.open",
        ["process.windows.handle.count"] = "process.windows.handles.open",
    };

    public static MetricStreamConfiguration? Configure(Instrument instrument)
    {
        if (Renamed.TryGetValue(instrument.Name, out var name))
        {
            return new MetricStreamConfiguration { Name = name };
        }

        if (!instrument.Meter.Name.StartsWith(OrleansMetricsBridge.OrleansMeterPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // The directory cache size is counted by walking the cache: most of a scrape's CPU on a busy silo.
        if (OrleansMetricsBridge.IsMilliseconds(instrument) || OrleansMetricsBridge.IsPerMessage(instrument) || instrument.Unit is "MB"
            || instrument.Name == "orleans-directory-cache-size")
        {
            return MetricStreamConfiguration.Drop;
        }

        return string.IsNullOrEmpty(instrument.Description)
            ? new MetricStreamConfiguration { Description = $"Orleans {instrument.Name}" }
            : null;
    }
}
