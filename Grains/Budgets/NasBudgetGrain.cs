namespace Orleans.Radius.Grains.Budgets;

/// <summary>
/// The token bucket of one NAS client, shared by all gateways. The bucket holds at most 100 ms of budget,
/// so the cluster admits the configured rate with little burst above it; it lives in memory only — a
/// restarted bucket starts full, which errs towards admitting requests.
/// </summary>
internal sealed class NasBudgetGrain(TimeProvider time) : Grain, INasBudgetGrain
{
    private double _tokens = -1;
    private long _lastRefill;

    public Task<int> Lease(int requested, int ratePerSecond)
    {
        if (ratePerSecond <= 0 || requested <= 0)
        {
            return Task.FromResult(Math.Max(requested, 0));
        }

        var capacity = Math.Max(1.0, ratePerSecond / 10.0);
        var now = time.GetTimestamp();
        if (_tokens < 0)
        {
            _tokens = capacity;
        }
        else
        {
            _tokens = Math.Min(capacity, _tokens + (time.GetElapsedTime(_lastRefill, now).TotalSeconds * ratePerSecond));
        }

        _lastRefill = now;
        var granted = (int)Math.Min(requested, Math.Floor(_tokens));
        _tokens -= granted;
        return Task.FromResult(granted);
    }
}
