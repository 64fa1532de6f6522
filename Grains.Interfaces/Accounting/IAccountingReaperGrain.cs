namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Closes stale accounting sessions: on each tick of its reminder it asks every session past its stale
/// deadline to reap itself. One per cluster (key 0); every silo arms it at start, which is idempotent.
/// </summary>
[Alias("radius.accounting-reaper")]
public interface IAccountingReaperGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or keeps) the reaper's reminder.</summary>
    [Alias("arm")]
    Task Arm();

    /// <summary>Closes the sessions that are stale now; returns how many were asked to reap themselves.</summary>
    [Alias("sweep")]
    Task<int> Sweep();
}
