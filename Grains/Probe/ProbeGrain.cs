using Orleans.Concurrency;

namespace Orleans.Radius.Grains.Probe;

/// <summary>Answers health-check round trips with the name of the silo it runs on.</summary>
[StatelessWorker]
internal sealed class ProbeGrain(ILocalSiloDetails silo) : Grain, IProbeGrain
{
    public Task<string> Ping() => Task.FromResult(silo.Name);
}
