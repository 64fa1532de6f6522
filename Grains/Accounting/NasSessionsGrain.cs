namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Accounting-On/Off for one NAS: closes its open sessions through their grains, so each close is exported.
/// One activation per NAS serializes concurrent reboots of the same NAS (two gateways each receiving an
/// Accounting-On): the second finds nothing left open.
/// </summary>
internal sealed class NasSessionsGrain(IAccountingStore store) : Grain, INasSessionsGrain
{
    // Bounds the fan-out of an Accounting-On for a NAS with many sessions.
    private const int CloseBatch = 64;

    public async Task<int> CloseAll(uint terminateCause, DateTimeOffset eventTime)
    {
        var nasName = this.GetPrimaryKeyString();
        var closed = 0;
        foreach (var batch in (await store.ListNasSessionsAsync(nasName)).Chunk(CloseBatch))
        {
            var outcomes = await Task.WhenAll(batch.Select(sessionId => GrainFactory
                .GetGrain<IAccountingSessionGrain>(AccountingKeys.Session(nasName, sessionId))
                .CloseForNas(terminateCause, eventTime)));
            closed += outcomes.Count(outcome => outcome == NasCloseOutcome.Closed);
        }

        return closed;
    }

    public Task<IReadOnlyList<string>> List() => store.ListNasSessionsAsync(this.GetPrimaryKeyString());
}
