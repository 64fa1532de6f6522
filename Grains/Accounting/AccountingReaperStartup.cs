using Microsoft.Extensions.Logging;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Arms the reaper's reminder when the silo becomes active, retrying in the background while the reminder
/// table (Valkey) cannot be reached, so a silo starting during an outage still starts and reaps later.
/// </summary>
internal sealed partial class AccountingReaperStartup(IGrainFactory grains, ILogger<AccountingReaperStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(AccountingReaperStartup), ServiceLifecycleStage.Active, OnStart, OnStop);
    }

    public void Dispose() => _stopping.Dispose();

    private Task OnStart(CancellationToken cancellationToken)
    {
        _ = ArmAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private Task OnStop(CancellationToken cancellationToken) => _stopping.CancelAsync();

    private async Task ArmAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IAccountingReaperGrain>(0).Arm();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.ArmFailed(logger, exception, RetryDelay);
            }

            try
            {
                await Task.Delay(RetryDelay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "The stale-session reaper could not be armed; retrying in {Delay}")]
        public static partial void ArmFailed(ILogger logger, Exception exception, TimeSpan delay);
    }
}
