using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// On a graceful silo stop, holds the silo at the Active stage until its conversations in progress have
/// finished (or <see cref="EapOptions.DrainTimeout"/> passed). Meanwhile the silo has told cluster clients
/// to stop sending through it, so new conversations — placed on the silo a call arrives at — start on
/// other silos, while rounds of the old ones are still forwarded here.
/// </summary>
internal sealed partial class EapDrain(EapConversationTracker tracker, IOptions<EapOptions> options, TimeProvider time, ILogger<EapDrain> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EapDrain), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        // A cancelled token means an ungraceful stop: nothing to wait for.
        var remaining = tracker.InProgress;
        if (cancellationToken.IsCancellationRequested || remaining == 0)
        {
            return;
        }

        var started = time.GetTimestamp();
        Log.Draining(logger, remaining, options.Value.DrainTimeout);
        while (tracker.InProgress > 0 && time.GetElapsedTime(started) < options.Value.DrainTimeout && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        Log.Drained(logger, tracker.InProgress, elapsed);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Silo stopping: waiting up to {Timeout} for {Count} EAP conversations in progress")]
        public static partial void Draining(ILogger logger, int count, TimeSpan timeout);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "EAP drain done after {ElapsedMs} ms; {Count} conversations still in progress")]
        public static partial void Drained(ILogger logger, int count, double elapsedMs);
    }
}
