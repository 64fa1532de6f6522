using Orleans.Concurrency;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// A user's open sessions and Simultaneous-Use holds, answered from the store. Stateless, so it runs on
/// the calling silo: the check is one atomic script in Valkey, cluster-wide, with no grain hop.
/// </summary>
[StatelessWorker]
internal sealed class UserSessionsGrain(IAccountingStore store, TimeProvider time) : Grain, IUserSessionsGrain
{
    public Task<bool> TryReserve(int maxSessions, TimeSpan holdFor)
    {
        if (maxSessions <= 0)
        {
            return Task.FromResult(true);
        }

        var now = time.GetUtcNow();
        return store.TryHoldAsync(this.GetPrimaryKeyString(), maxSessions, now, now + holdFor);
    }

    public Task<IReadOnlyList<OpenSession>> List() => store.ListUserSessionsAsync(this.GetPrimaryKeyString());
}
