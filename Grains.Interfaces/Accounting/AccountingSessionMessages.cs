namespace Orleans.Radius.Grains.Accounting;

/// <summary>Who closed an accounting session.</summary>
public enum SessionClosedBy : byte
{
    /// <summary>Still open.</summary>
    None = 0,

    /// <summary>The NAS sent a Stop.</summary>
    Nas = 1,

    /// <summary>No update arrived in time; the stale-session reaper closed it.</summary>
    Reaper = 2,

    /// <summary>The NAS sent Accounting-On or Accounting-Off.</summary>
    NasReboot = 3,
}

/// <summary>What an accounting session grain holds, for "who is online" views, the admin API and tests.</summary>
[GenerateSerializer, Immutable, Alias("radius.accounting-session-view")]
public sealed record AccountingSessionView(
    [property: Id(0)] string NasName,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string? UserName,
    [property: Id(3)] bool IsOpen,
    [property: Id(4)] SessionClosedBy ClosedBy,
    [property: Id(5)] DateTimeOffset? StartTime,
    [property: Id(6)] DateTimeOffset LastEventTime,
    [property: Id(7)] uint SessionTime,
    [property: Id(8)] ulong InputOctets,
    [property: Id(9)] ulong OutputOctets,
    [property: Id(10)] ulong InputPackets,
    [property: Id(11)] ulong OutputPackets,
    [property: Id(12)] string? FramedIpAddress,
    [property: Id(13)] uint? TerminateCause);

/// <summary>One open session of a user, as the per-user index keeps it.</summary>
/// <param name="NasName">Configured name of the NAS.</param>
/// <param name="SessionId">Acct-Session-Id.</param>
/// <param name="StartTime">Event time of the Start (estimated from the first record seen when the Start was lost).</param>
/// <param name="FramedIpAddress">Framed-IP-Address, when the NAS reported one.</param>
[GenerateSerializer, Immutable, Alias("radius.open-session")]
public sealed record OpenSession(
    [property: Id(0)] string NasName,
    [property: Id(1)] string SessionId,
    [property: Id(2)] DateTimeOffset StartTime,
    [property: Id(3)] string? FramedIpAddress);

/// <summary>What an Accounting-On/Off did to one session of the NAS.</summary>
public enum NasCloseOutcome : byte
{
    /// <summary>It was open and is now closed (and its close exported).</summary>
    Closed = 1,

    /// <summary>It was already closed or is unknown; the NAS's index may forget it.</summary>
    NotOpen = 2,

    /// <summary>It has a record newer than the reboot, so it began afterwards and stays open.</summary>
    Newer = 3,
}
