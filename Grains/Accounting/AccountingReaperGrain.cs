using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains.Telemetry;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The stale-session reaper: one reminder for the whole cluster, whatever the number of sessions, instead
/// of one per session. Each tick reads the sessions past their deadline from the store's schedule and asks
/// each to reap itself; the session re-checks its own state, so a late update always wins.
/// </summary>
internal sealed partial class AccountingReaperGrain(
    IAccountingStore store,
    IOptions<AccountingOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<AccountingReaperGrain> logger) : Grain, IAccountingReaperGrain, IRemindable
{
    private const string ReminderName = "reaper";
    private const int Batch = 256;
    private const int Parallelism = 32;

    public async Task Arm()
    {
        var minimum = reminderOptions.Value.MinimumReminderPeriod;
        var period = options.Value.ReaperInterval < minimum ? minimum : options.Value.ReaperInterval;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task<int> Sweep()
    {
        // One tick does a bounded amount of work; what is left waits for the next tick.
        var budget = options.Value.ReaperInterval / 2;
        var started = time.GetTimestamp();
        var asked = 0;
        while (time.GetElapsedTime(started) < budget)
        {
            var due = await store.DueSessionsAsync(time.GetUtcNow(), Batch);
            foreach (var group in due.Chunk(Parallelism))
            {
                await Task.WhenAll(group.Select(ReapAsync));
            }

            asked += due.Count;
            if (due.Count < Batch)
            {
                break;
            }
        }

        return asked;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            var asked = await Sweep();
            GrainMetrics.AccountingSessionsOpen(await store.CountOpenAsync());
            if (asked > 0)
            {
                Log.Swept(logger, asked);
            }
        }
    }

    private async Task ReapAsync(string sessionKey)
    {
        try
        {
            await GrainFactory.GetGrain<IAccountingSessionGrain>(sessionKey).Reap();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One session that cannot be reaped now must not stop the others; it stays due for the next tick.
            Log.ReapFailed(logger, exception, sessionKey);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Reaper asked {Count} stale sessions to close")]
        public static partial void Swept(ILogger logger, int count);

        [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Stale session {SessionKey} could not be reaped; it stays due")]
        public static partial void ReapFailed(ILogger logger, Exception exception, string sessionKey);
    }
}
