namespace Orleans.Radius.Grains.Accounting;

/// <summary>Acct-Status-Type values (RFC 2866 §5.1) that the accounting grains act on.</summary>
public enum AccountingStatusType : uint
{
    Start = 1,
    Stop = 2,
    InterimUpdate = 3,
    AccountingOn = 7,
    AccountingOff = 8,
}

/// <summary>
/// One decoded Accounting-Request, as the gateway hands it to the accounting grains.
/// </summary>
/// <remarks>
/// Identity for idempotency is (NasName, SessionId, StatusType, SessionTime or EventTime); it stays the
/// same when the NAS retransmits with a larger Acct-Delay-Time (a new Identifier and authenticator), so a
/// retransmission is never counted twice. <see cref="AccountingRecordId"/> derives the exported id from it.
/// </remarks>
/// <param name="NasName">Configured name of the NAS client the request came from (not its address).</param>
/// <param name="SessionId">Acct-Session-Id.</param>
/// <param name="StatusType">Acct-Status-Type.</param>
/// <param name="UserName">User-Name, when present.</param>
/// <param name="EventTime">
/// When the event happened, computed by the gateway: Event-Timestamp (RFC 2869 §5.3) when present, else
/// the gateway's receive time minus Acct-Delay-Time.
/// </param>
/// <param name="SessionTime">Acct-Session-Time in seconds; absent on Start.</param>
/// <param name="InputOctets">Acct-Input-Octets with Acct-Input-Gigawords folded in (<see cref="FoldGigawords"/>).</param>
/// <param name="OutputOctets">Acct-Output-Octets with Acct-Output-Gigawords folded in.</param>
/// <param name="InputPackets">Acct-Input-Packets.</param>
/// <param name="OutputPackets">Acct-Output-Packets.</param>
/// <param name="FramedIpAddress">Framed-IP-Address in text form.</param>
/// <param name="CallingStationId">Calling-Station-Id.</param>
/// <param name="CalledStationId">Called-Station-Id.</param>
/// <param name="NasPort">NAS-Port.</param>
/// <param name="TerminateCause">Acct-Terminate-Cause (RFC 2866 §5.10); Stop only.</param>
/// <param name="InterimInterval">Acct-Interim-Interval in seconds (RFC 2869 §5.16), when the NAS sent one.</param>
/// <param name="DelayTime">Acct-Delay-Time in seconds, kept for reference (already applied to <paramref name="EventTime"/>).</param>
[GenerateSerializer, Immutable, Alias("radius.accounting-record")]
public sealed record AccountingRecord(
    [property: Id(0)] string NasName,
    [property: Id(1)] string SessionId,
    [property: Id(2)] AccountingStatusType StatusType,
    [property: Id(3)] string? UserName,
    [property: Id(4)] DateTimeOffset EventTime,
    [property: Id(5)] uint? SessionTime = null,
    [property: Id(6)] ulong? InputOctets = null,
    [property: Id(7)] ulong? OutputOctets = null,
    [property: Id(8)] uint? InputPackets = null,
    [property: Id(9)] uint? OutputPackets = null,
    [property: Id(10)] string? FramedIpAddress = null,
    [property: Id(11)] string? CallingStationId = null,
    [property: Id(12)] string? CalledStationId = null,
    [property: Id(13)] uint? NasPort = null,
    [property: Id(14)] uint? TerminateCause = null,
    [property: Id(15)] uint? InterimInterval = null,
    [property: Id(16)] uint? DelayTime = null)
{
    /// <summary>RFC 2869 §5.1/5.2: Gigawords counts how many times the 32-bit octet counter wrapped.</summary>
    public static ulong FoldGigawords(uint octets, uint gigawords) => ((ulong)gigawords << 32) | octets;
}

/// <summary>How a record was taken; every outcome means "send the Accounting-Response".</summary>
public enum AccountingOutcome : byte
{
    /// <summary>The record changed the session and that change is durable.</summary>
    Recorded = 1,

    /// <summary>The same record was already taken (a retransmission or replay); nothing changed.</summary>
    Duplicate = 2,

    /// <summary>The record came too late to matter (an Interim-Update after the Stop); nothing changed.</summary>
    Ignored = 3,
}

/// <summary>The answer to an accounting record: the gateway sends the Accounting-Response once it has this.</summary>
/// <param name="Outcome">What the record did.</param>
/// <param name="SessionsClosed">Accounting-On/Off: how many open sessions of the NAS were closed.</param>
[GenerateSerializer, Immutable, Alias("radius.accounting-ack")]
public sealed record AccountingAck(
    [property: Id(0)] AccountingOutcome Outcome,
    [property: Id(1)] int SessionsClosed = 0)
{
    public static AccountingAck Recorded { get; } = new(AccountingOutcome.Recorded);

    public static AccountingAck Duplicate { get; } = new(AccountingOutcome.Duplicate);

    public static AccountingAck Ignored { get; } = new(AccountingOutcome.Ignored);
}

/// <summary>Acct-Terminate-Cause values (RFC 2866 §5.10) the grains set themselves.</summary>
public static class TerminateCauses
{
    /// <summary>NAS-Reboot (11): the NAS restarted (Accounting-On) or is going down (Accounting-Off).</summary>
    public const uint NasReboot = 11;
}
