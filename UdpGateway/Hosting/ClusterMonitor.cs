using System.Diagnostics;
using Orleans.Radius.Gateway.Pipeline;
using Orleans.Radius.Grains;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// Asks the cluster once a second whether it answers and whether it reaches Valkey, and leaves the answer
/// in <see cref="GatewayState"/>: readiness and the fail-closed decision read a flag, and the request path
/// never pays a round trip for them.
/// </summary>
internal sealed partial class ClusterMonitor(GatewayState state, IGrainFactory grains, IConfiguration configuration, ILogger<ClusterMonitor> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly ValkeyOutageMode _mode = ValkeyOutageModes.From(configuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await ProbeOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ProbeOnceAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        ProbeStatus status;
        try
        {
            status = await grains.GetGrain<IProbeGrain>(0).Status().WaitAsync(Timeout, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The cluster check turns unhealthy once answers are older than its window; the storage flag
            // keeps its last value, since requests fail on their own while nothing answers.
            Log.ProbeFailed(logger, exception);
            return;
        }

        state.ClusterAnswered();
        var previous = state.LastProbe;
        state.LastProbe = new ClusterProbe(status.Silo, Stopwatch.GetElapsedTime(started), status.StorageAvailable);
        state.RefuseRequests = !status.StorageAvailable && _mode == ValkeyOutageMode.FailClosed;
        if (previous is not null && previous.StorageAvailable != status.StorageAvailable)
        {
            if (status.StorageAvailable)
            {
                Log.StorageBack(logger, status.Silo);
            }
            else
            {
                Log.StorageLost(logger, status.Silo, _mode == ValkeyOutageMode.FailClosed ? ValkeyOutageModes.FailClosed : ValkeyOutageModes.ServeDegraded);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Debug, Message = "Cluster probe failed")]
        public static partial void ProbeFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Silo {Silo} reports Valkey unavailable; outage mode {Mode}")]
        public static partial void StorageLost(ILogger logger, string silo, string mode);

        [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Silo {Silo} reports Valkey available again")]
        public static partial void StorageBack(ILogger logger, string silo);
    }
}
