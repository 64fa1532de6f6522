namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Group commit: commits that arrive while earlier ones are on their way to Valkey wait, and leave together
/// in one call as soon as one of the <c>maxInFlight</c> slots frees. An idle store sends a lone commit at
/// once, so nothing waits on a timer; a busy one sends fewer, larger calls, so Valkey's cost per call
/// (parsing, script dispatch, the MULTI/EXEC that wraps a script's effects in the AOF) and the client's cost
/// per message are paid per batch instead of per record.
/// </summary>
/// <remarks>
/// Each session grain awaits its commit before it sends the next, so a batch never reorders one session's
/// records; the script applies a batch's commits in order, each with its own version check.
/// </remarks>
internal sealed class CommitCoalescer(Func<SessionCommit[], Task<CommitOutcome[]>> send, int maxBatch, int maxInFlight)
{
    private readonly Lock _lock = new();
    private List<Waiting> _waiting = [];
    private int _inFlight;

    /// <summary>Queues <paramref name="commit"/>; completes with its outcome or the batch's failure.</summary>
    public Task<CommitOutcome> CommitAsync(SessionCommit commit)
    {
        var waiting = new Waiting(commit);
        List<Waiting>? batch = null;
        lock (_lock)
        {
            _waiting.Add(waiting);
            if (_inFlight < maxInFlight)
            {
                _inFlight++;
                batch = Take();
            }
        }

        if (batch is not null)
        {
            _ = SendUntilDrainedAsync(batch);
        }

        return waiting.Outcome.Task;
    }

    // Sends, then keeps this slot busy with whatever queued meanwhile. Runs off the caller's scheduler after
    // the first await (ConfigureAwait(false)): a grain's turn must not carry other grains' commits.
    private async Task SendUntilDrainedAsync(List<Waiting> batch)
    {
        while (true)
        {
            await SendAsync(batch).ConfigureAwait(false);
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _inFlight--;
                    return;
                }

                batch = Take();
            }
        }
    }

    private async Task SendAsync(List<Waiting> batch)
    {
        var commits = new SessionCommit[batch.Count];
        for (var i = 0; i < commits.Length; i++)
        {
            commits[i] = batch[i].Commit;
        }

        CommitOutcome[] outcomes;
        try
        {
            outcomes = await send(commits).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The outcome of every commit in the call is unknown: each caller fails, and the NAS's
            // retransmission finds out what was stored.
            foreach (var waiting in batch)
            {
                waiting.Outcome.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(outcomes[i]);
        }
    }

    // Under the lock.
    private List<Waiting> Take()
    {
        if (_waiting.Count <= maxBatch)
        {
            var all = _waiting;
            _waiting = [];
            return all;
        }

        var head = _waiting.GetRange(0, maxBatch);
        _waiting.RemoveRange(0, maxBatch);
        return head;
    }

    // Completed without RunContinuationsAsynchronously: a grain's await resumes on its own scheduler anyway,
    // so completing inline costs one queueing instead of two.
    private sealed class Waiting(SessionCommit commit)
    {
        public SessionCommit Commit { get; } = commit;

        public TaskCompletionSource<CommitOutcome> Outcome { get; } = new();
    }
}
