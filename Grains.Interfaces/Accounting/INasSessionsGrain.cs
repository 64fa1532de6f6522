namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The open accounting sessions of one NAS, keyed by the NAS client's configured name, so that
/// Accounting-On/Off can close them all. The index itself is kept by the session commits in the store.
/// </summary>
[Alias("radius.nas-sessions")]
public interface INasSessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Accounting-On/Off: closes every open session of this NAS through its session grain (so each close is
    /// exported) with <paramref name="terminateCause"/>; returns how many were closed. Sessions with a record
    /// newer than <paramref name="eventTime"/> began after the reboot and stay open.
    /// </summary>
    [Alias("close-all")]
    Task<int> CloseAll(uint terminateCause, DateTimeOffset eventTime);

    /// <summary>The ids of the open sessions.</summary>
    [Alias("list")]
    Task<IReadOnlyList<string>> List();
}
