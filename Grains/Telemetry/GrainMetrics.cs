using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Radius.Grains.Telemetry;

/// <summary>
/// The grains' shared instruments (meter <c>Orleans.Radius.Grains</c>), exported at <c>/metrics</c> by the silo.
/// Grains call these methods; they never create instruments of their own, so every series has one owner
/// and one documented meaning (docs/OPERATIONS.md).
/// </summary>
public static class GrainMetrics
{
    public const string MeterName = "Orleans.Radius.Grains";

    private static readonly Meter Meter = new(MeterName, typeof(GrainMetrics).Assembly.GetName().Version?.ToString());

    // Counted here and observed at each collection: the series exists (at zero) before the first
    // conversation, and a start or end costs one interlocked add.
    private static long _eapConversations;
    private static long _accountingSessions;

    private static readonly ObservableUpDownCounter<long> EapConversations = Meter.CreateObservableUpDownCounter(
        "radius.eap.conversations.active", () => Volatile.Read(ref _eapConversations), "{conversation}", "EAP conversations in progress on this silo");

    private static readonly ObservableUpDownCounter<long> AccountingSessions = Meter.CreateObservableUpDownCounter(
        "radius.accounting.sessions.open", () => Volatile.Read(ref _accountingSessions), "{session}", "Accounting sessions open cluster-wide, as last counted by the stale-session reaper on this silo (take the max across silos)");

    private static readonly Counter<long> EapCompleted = Meter.CreateCounter<long>(
        "radius.eap.completed", "{conversation}", "EAP conversations ended on this silo, by outcome (accept, reject, expired)");

    private static readonly Counter<long> UserDecisions = Meter.CreateCounter<long>(
        "radius.user.decisions", "{request}", "Authentication decisions by the user grain, by state source (memory: no storage read; storage: state was read for it)");

    private static readonly Histogram<double> ValkeyDuration = Meter.CreateHistogram<double>(
        "valkey.operation.duration", "s", "Latency of Valkey operations made by this process, by operation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static readonly Counter<long> ValkeyErrors = Meter.CreateCounter<long>(
        "valkey.operation.errors", "{error}", "Valkey operations that failed or timed out, by operation");

    /// <summary>Creates the instruments; a host calls it once at start so the gauges are exported before first use.</summary>
    public static void Publish() => _ = (EapConversations, AccountingSessions);

    /// <summary>An EAP conversation grain started a conversation (call once per conversation).</summary>
    public static void EapConversationStarted() => Interlocked.Increment(ref _eapConversations);

    /// <summary>An EAP conversation finished, failed or was abandoned (exactly once for each start).</summary>
    public static void EapConversationEnded(string outcome)
    {
        Interlocked.Decrement(ref _eapConversations);
        EapCompleted.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>The number of open accounting sessions in the whole cluster, counted by the reaper.</summary>
    public static void AccountingSessionsOpen(long count) => Interlocked.Exchange(ref _accountingSessions, count);

    /// <summary>The user grain decided a request; <paramref name="readStorage"/> when its state was loaded for it.</summary>
    public static void UserDecision(bool readStorage)
    {
        if (UserDecisions.Enabled)
        {
            UserDecisions.Add(1, new KeyValuePair<string, object?>("source", readStorage ? "storage" : "memory"));
        }
    }

    /// <summary>Records one Valkey operation that began at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void ValkeyOperation(string operation, long startedTimestamp, bool succeeded)
    {
        var tag = new KeyValuePair<string, object?>("operation", operation);
        if (ValkeyDuration.Enabled)
        {
            ValkeyDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tag);
        }

        if (!succeeded)
        {
            ValkeyErrors.Add(1, tag);
        }
    }
}
