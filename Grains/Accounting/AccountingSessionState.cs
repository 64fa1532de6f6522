using System.Text.Json.Serialization;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// What is stored for one accounting session: cumulative counters (never lowered), open/closed, and what
/// the duplicate checks need (which Start, Interim-Update and Stop were already taken).
/// </summary>
[GenerateSerializer, Alias("radius.accounting-session-state")]
public sealed class AccountingSessionState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public string NasName { get; set; } = "";

    [Id(2)]
    public string SessionId { get; set; } = "";

    [Id(3)]
    public string? UserName { get; set; }

    [Id(4)]
    public bool IsOpen { get; set; }

    [Id(5)]
    public SessionClosedBy ClosedBy { get; set; }

    [Id(6)]
    public bool StartSeen { get; set; }

    [Id(7)]
    public bool StopSeen { get; set; }

    /// <summary>Event time of the Start, or estimated from the first record when the Start was lost.</summary>
    [Id(8)]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Latest event time of any record taken (the NAS's clock).</summary>
    [Id(9)]
    public DateTimeOffset LastEventTime { get; set; }

    /// <summary>When the session last changed, on this cluster's clock: the reaper and retention count from it.</summary>
    [Id(10)]
    public DateTimeOffset LastChangeAt { get; set; }

    [Id(11)]
    public uint? LastInterimSessionTime { get; set; }

    [Id(12)]
    public DateTimeOffset? LastInterimEventTime { get; set; }

    [Id(13)]
    public uint SessionTime { get; set; }

    [Id(14)]
    public ulong InputOctets { get; set; }

    [Id(15)]
    public ulong OutputOctets { get; set; }

    [Id(16)]
    public ulong InputPackets { get; set; }

    [Id(17)]
    public ulong OutputPackets { get; set; }

    [Id(18)]
    public string? FramedIpAddress { get; set; }

    [Id(19)]
    public string? CallingStationId { get; set; }

    [Id(20)]
    public string? CalledStationId { get; set; }

    [Id(21)]
    public uint? NasPort { get; set; }

    [Id(22)]
    public uint? TerminateCause { get; set; }

    /// <summary>Acct-Interim-Interval the NAS last announced, in seconds.</summary>
    [Id(23)]
    public uint? InterimInterval { get; set; }

    /// <summary>Event time of the close.</summary>
    [Id(24)]
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The session's grain key, "{nas}|{session id}".</summary>
    [JsonIgnore]
    public string SessionKey => AccountingKeys.Session(NasName, SessionId);

    public AccountingSessionState Copy() => (AccountingSessionState)MemberwiseClone();

    [JsonIgnore]
    public TimeSpan? AnnouncedInterimInterval => InterimInterval is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null;

    public AccountingSessionView ToView() => new(
        NasName, SessionId, UserName, IsOpen, ClosedBy, StartTime, LastEventTime, SessionTime,
        InputOctets, OutputOctets, InputPackets, OutputPackets, FramedIpAddress, TerminateCause);
}
