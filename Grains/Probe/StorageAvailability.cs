namespace Orleans.Radius.Grains.Probe;

/// <summary>
/// Whether this silo reaches its grain storage, as last seen by the silo's background storage monitor.
/// A flag read on every probe, never a storage round trip of its own.
/// </summary>
public sealed class StorageAvailability
{
    private volatile bool _available = true;

    public bool IsAvailable => _available;

    public void Report(bool available) => _available = available;
}
