using System.Diagnostics;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Probe;
using Orleans.Radius.Grains.Telemetry;

namespace Orleans.Radius.Silo;

/// <summary>
/// PINGs Valkey once a second and keeps the answer in <see cref="StorageAvailability"/>, which the probe grain
/// hands to gateways and the <c>valkey</c> health check reads: one cheap command a second decides
/// fail-closed for the whole cluster, instead of a round trip on any request path.
/// </summary>
internal sealed partial class StorageMonitor(StorageProbe probe, StorageAvailability availability, IConfiguration configuration, ILogger<StorageMonitor> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Two misses in a row: one lost PING must not silence a whole cluster in fail-closed mode.
    private const int MissesBeforeOutage = 2;

    private readonly string _mode = ValkeyOutageModes.From(configuration) == ValkeyOutageMode.FailClosed ? ValkeyOutageModes.FailClosed : ValkeyOutageModes.ServeDegraded;
    private int _misses;

    /// <summary>Latency of the last successful PING.</summary>
    public TimeSpan? LastPing { get; private set; }

    /// <summary>When the last PING was sent; null before the first.</summary>
    public DateTimeOffset? LastChecked { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!probe.IsDurable)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            await CheckOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckOnceAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var ping = await probe.PingAsync(stoppingToken);
        GrainMetrics.ValkeyOperation("ping", started, ping is not null);
        LastChecked = DateTimeOffset.UtcNow;
        if (ping is { } latency)
        {
            LastPing = latency;
            _misses = 0;
            if (!availability.IsAvailable)
            {
                availability.Report(true);
                Log.ValkeyBack(logger);
            }

            return;
        }

        if (++_misses >= MissesBeforeOutage && availability.IsAvailable)
        {
            availability.Report(false);
            Log.ValkeyLost(logger, _mode);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Valkey does not answer; outage mode {Mode}")]
        public static partial void ValkeyLost(ILogger logger, string mode);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Valkey answers again")]
        public static partial void ValkeyBack(ILogger logger);
    }
}
