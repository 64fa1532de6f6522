using Orleans.Radius.Grains.Telemetry;

namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// Counts the conversations in progress on this silo, so a graceful stop can wait for them, and publishes
/// the count through <see cref="GrainMetrics"/> (<c>radius_eap_conversations_active</c>, <c>radius_eap_completed_total</c>).
/// </summary>
internal sealed class EapConversationTracker
{
    private int _inProgress;

    public int InProgress => Volatile.Read(ref _inProgress);

    public void Started()
    {
        Interlocked.Increment(ref _inProgress);
        GrainMetrics.EapConversationStarted();
    }

    public void Ended(string outcome)
    {
        Interlocked.Decrement(ref _inProgress);
        GrainMetrics.EapConversationEnded(outcome);
    }
}
