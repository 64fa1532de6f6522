using Orleans.Concurrency;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The open sessions of one NAS, so that Accounting-On/Off can close them. Every session grain of the NAS
/// reports here on open and close, so writes are coalesced: concurrent changes share one state write.
/// </summary>
/// <remarks>
/// Reentrant because <see cref="CloseAll"/> waits on session grains that may at that moment be waiting on
/// <see cref="Add"/> or <see cref="Remove"/> here; without interleaving the two would wait on each other
/// until the call timeout. The state is a set changed in single synchronous steps, so interleaving is safe.
/// </remarks>
[Reentrant]
internal sealed class NasSessionsGrain(
    [PersistentState("nas-sessions")] IPersistentState<NasSessionsState> state) : Grain, INasSessionsGrain
{
    // Bounds the fan-out of an Accounting-On for a NAS with many sessions.
    private const int CloseBatch = 64;

    private long _changes;
    private long _written;
    private Task _writing = Task.CompletedTask;

    public Task Add(string sessionId) => state.State.Open.Add(sessionId) ? PersistAsync() : Task.CompletedTask;

    public Task Remove(string sessionId) => state.State.Open.Remove(sessionId) ? PersistAsync() : Task.CompletedTask;

    public async Task<int> CloseAll(uint terminateCause, DateTimeOffset eventTime)
    {
        var nasName = this.GetPrimaryKeyString();
        var closed = 0;
        var forgotten = false;
        foreach (var batch in state.State.Open.ToArray().Chunk(CloseBatch))
        {
            var outcomes = await Task.WhenAll(batch.Select(sessionId => GrainFactory
                .GetGrain<IAccountingSessionGrain>(AccountingKeys.Session(nasName, sessionId))
                .CloseForNas(terminateCause, eventTime)));
            for (var i = 0; i < batch.Length; i++)
            {
                if (outcomes[i] != NasCloseOutcome.Newer)
                {
                    forgotten |= state.State.Open.Remove(batch[i]);
                }

                closed += outcomes[i] == NasCloseOutcome.Closed ? 1 : 0;
            }
        }

        if (forgotten)
        {
            await PersistAsync();
        }

        return closed;
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Open.Order(StringComparer.Ordinal)]);

    // Returns once a write that includes this caller's change has completed; a change made while a
    // write is in flight is carried by the next one, which also carries every change made meanwhile.
    private async Task PersistAsync()
    {
        var mine = ++_changes;
        while (_written < mine)
        {
            if (_writing.IsCompleted)
            {
                _writing = WriteAsync(_changes);
            }

            await _writing;
        }
    }

    private async Task WriteAsync(long changes)
    {
        await state.WriteStateAsync();
        _written = changes;
    }
}
