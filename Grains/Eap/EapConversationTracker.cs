using System.Diagnostics.Metrics;

namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// Counts the conversations in progress on this silo, so a graceful stop can wait for them, and publishes
/// the count as the <c>radius.eap.conversations</c> gauge.
/// </summary>
internal sealed class EapConversationTracker
{
    public const string MeterName = "Orleans.Radius.Grains.Eap";

    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<long> Conversations = Meter.CreateUpDownCounter<long>(
        "radius.eap.conversations", "{conversation}", "EAP conversations in progress (started, neither finished nor expired)");

    private static readonly Counter<long> Completed = Meter.CreateCounter<long>(
        "radius.eap.completed", "{conversation}", "EAP conversations ended, by outcome (accept, reject, expired)");

    private int _inProgress;

    public int InProgress => Volatile.Read(ref _inProgress);

    public void Started()
    {
        Interlocked.Increment(ref _inProgress);
        Conversations.Add(1);
    }

    public void Ended(string outcome)
    {
        Interlocked.Decrement(ref _inProgress);
        Conversations.Add(-1);
        Completed.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }
}
