using System.Diagnostics;
using Orleans.Radius.Grains;

namespace Orleans.Radius.Gateway.Clients;

/// <summary>
/// This gateway's share of a NAS's cluster-wide request budget. Tokens are leased from the client's
/// <see cref="INasBudgetGrain"/> in batches of about 50 ms of budget, so a request normally costs one
/// interlocked decrement; leased tokens expire quickly so an idle gateway cannot hoard the budget.
/// </summary>
internal sealed class NasBudget(string clientName, int requestsPerSecond, IGrainFactory grains)
{
    private static readonly long LeaseLifetime = Stopwatch.Frequency / 5;
    private static readonly long RefusedBackoff = Stopwatch.Frequency / 50;
    private readonly int _batch = Math.Clamp(requestsPerSecond / 20, 1, 10_000);
    private readonly Lock _refillLock = new();
    private int _tokens;
    private long _leaseExpires;
    private long _retryAfter;
    private Task<bool>? _refill;

    /// <summary>Takes one token, leasing more from the cluster when this gateway has none.</summary>
    public ValueTask<bool> TryTakeAsync()
    {
        var now = Stopwatch.GetTimestamp();
        if (now < Volatile.Read(ref _leaseExpires) && Interlocked.Decrement(ref _tokens) >= 0)
        {
            return ValueTask.FromResult(true);
        }

        // Over budget: the cluster refused recently, so drop without asking it again for a moment.
        if (now < Volatile.Read(ref _retryAfter))
        {
            return ValueTask.FromResult(false);
        }

        return new ValueTask<bool>(RefillAndTakeAsync());
    }

    private async Task<bool> RefillAndTakeAsync()
    {
        Task<bool> refill;
        lock (_refillLock)
        {
            // One lease call at a time; requests arriving meanwhile wait for its tokens.
            _refill ??= LeaseAsync();
            refill = _refill;
        }

        if (!await refill)
        {
            return false;
        }

        return Interlocked.Decrement(ref _tokens) >= 0;
    }

    private async Task<bool> LeaseAsync()
    {
        try
        {
            var granted = await grains.GetGrain<INasBudgetGrain>(clientName).Lease(_batch, requestsPerSecond);
            var now = Stopwatch.GetTimestamp();
            Volatile.Write(ref _tokens, granted);
            Volatile.Write(ref _leaseExpires, now + LeaseLifetime);
            if (granted < _batch)
            {
                Volatile.Write(ref _retryAfter, now + RefusedBackoff);
            }

            return granted > 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The budget cannot be asked: admit, and let the request's own grain call meet the outage.
            Volatile.Write(ref _tokens, 1);
            return true;
        }
        finally
        {
            lock (_refillLock)
            {
                _refill = null;
            }
        }
    }
}
