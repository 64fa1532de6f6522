using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Orleans.Radius.Grains.Probe;

/// <summary>Answers health-check round trips with the name of the silo it runs on and its storage status.</summary>
[StatelessWorker]
internal sealed class ProbeGrain(ILocalSiloDetails silo, IServiceProvider services) : Grain, IProbeGrain
{
    // Hosts without a storage monitor (grain tests, the embedded default) have nothing that can fail.
    private readonly StorageAvailability? _storage = services.GetService<StorageAvailability>();

    public Task<string> Ping() => Task.FromResult(silo.Name);

    public Task<ProbeStatus> Status() => Task.FromResult(new ProbeStatus(silo.Name, _storage?.IsAvailable ?? true));
}
