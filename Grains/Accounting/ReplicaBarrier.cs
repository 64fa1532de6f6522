using System.Globalization;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Makes "durable" mean "on the primary and on N replicas": after its commit a caller waits for a Valkey
/// <c>WAIT</c> that was sent after the commit. WAITs are coalesced — at most one in flight, and every caller
/// that arrives meanwhile shares the next one — so a replica round trip is paid per batch, not per record.
/// </summary>
/// <remarks>
/// WAIT counts the writes of the connection it is sent on; the store's commits and this barrier share the
/// multiplexer's one interactive connection to the primary, so a WAIT sent after a commit covers it.
/// </remarks>
internal sealed class ReplicaBarrier(IConnectionMultiplexer connection, int replicas, TimeSpan timeout)
{
    private readonly Lock _lock = new();
    private readonly string _replicas = replicas.ToString(CultureInfo.InvariantCulture);
    private readonly string _timeoutMilliseconds = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    private Task<long>? _inFlight;
    private TaskCompletionSource<long>? _next;

    /// <summary>Returns once at least the configured number of replicas have every write made before the call.</summary>
    public async Task WaitAsync()
    {
        Task<long> wait;
        lock (_lock)
        {
            if (_inFlight is null)
            {
                wait = Start();
            }
            else
            {
                // The WAIT in flight may have been sent before this caller's commit: join the next one.
                _next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _next.Task;
            }
        }

        var acknowledged = await wait;
        if (acknowledged < replicas)
        {
            throw new InvalidOperationException(
                $"accounting write reached {acknowledged} of the {replicas} Valkey replicas required (Accounting:MinReplicas) within {timeout.TotalMilliseconds} ms");
        }
    }

    // Under the lock. The continuation runs on the thread pool, never inline, so it cannot re-enter here.
    private Task<long> Start()
    {
        var wait = SendAsync();
        _inFlight = wait;
        _ = wait.ContinueWith(Advance, TaskScheduler.Default);
        return wait;
    }

    private async Task<long> SendAsync()
    {
        try
        {
            var result = await connection.GetDatabase().ExecuteAsync("WAIT", _replicas, _timeoutMilliseconds);
            return (long)result;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new InvalidOperationException($"accounting replica wait in Valkey failed: {exception.Message}");
        }
    }

    // The WAIT in flight finished: the callers that queued behind it get a WAIT of their own, sent now.
    private void Advance(Task<long> finished)
    {
        TaskCompletionSource<long>? next;
        Task<long> started;
        lock (_lock)
        {
            next = _next;
            _next = null;
            _inFlight = null;
            if (next is null)
            {
                return;
            }

            started = Start();
        }

        _ = CompleteAsync(next, started);
    }

    private static async Task CompleteAsync(TaskCompletionSource<long> waiting, Task<long> wait)
    {
        try
        {
            waiting.SetResult(await wait);
        }
        catch (Exception exception)
        {
            waiting.SetException(exception);
        }
    }
}
