using System.Globalization;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// One flat record of the accounting export: a session's cumulative counters as of an acknowledged Start,
/// Interim-Update or Stop. Counters never go backwards between records of a session.
/// </summary>
/// <param name="RecordId">Deterministic id (<see cref="AccountingRecordId"/>); the stream never holds it twice.</param>
/// <param name="NasName">Configured name of the NAS.</param>
/// <param name="SessionId">Acct-Session-Id.</param>
/// <param name="Status">"Start", "Interim-Update" or "Stop" (RFC 2866 names).</param>
/// <param name="UserName">User-Name.</param>
/// <param name="EventTime">The record's event time; for a reaper's close, when it closed the session.</param>
/// <param name="SessionTime">Acct-Session-Time in seconds, the highest seen.</param>
/// <param name="InputOctets">Octets received from the user, Gigawords folded in.</param>
/// <param name="OutputOctets">Octets sent to the user, Gigawords folded in.</param>
/// <param name="InputPackets">Packets received from the user.</param>
/// <param name="OutputPackets">Packets sent to the user.</param>
/// <param name="FramedIpAddress">Framed-IP-Address.</param>
/// <param name="CallingStationId">Calling-Station-Id.</param>
/// <param name="CalledStationId">Called-Station-Id.</param>
/// <param name="NasPort">NAS-Port.</param>
/// <param name="TerminateCause">Stop only: Acct-Terminate-Cause (NAS-Reboot for Accounting-On/Off, none for the reaper).</param>
/// <param name="ClosedBy">Stop only: "nas", "reaper" (no update arrived in time) or "nas-reboot" (Accounting-On/Off).</param>
public sealed record AccountingExportRecord(
    string RecordId,
    string NasName,
    string SessionId,
    string Status,
    string? UserName,
    DateTimeOffset EventTime,
    uint SessionTime,
    ulong InputOctets,
    ulong OutputOctets,
    ulong InputPackets,
    ulong OutputPackets,
    string? FramedIpAddress,
    string? CallingStationId,
    string? CalledStationId,
    uint? NasPort,
    uint? TerminateCause,
    string? ClosedBy)
{
    /// <summary>The stream entry's field names, in their fixed order (the schema consumers read).</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        "record_id", "nas", "session_id", "status", "user", "event_time", "session_time", "input_octets", "output_octets",
        "input_packets", "output_packets", "framed_ip", "calling_station_id", "called_station_id", "nas_port",
        "terminate_cause", "closed_by",
    ];

    /// <summary>
    /// The stream entry's fields, always all of them in <see cref="FieldNames"/> order (absent values are empty), so
    /// consumers read one fixed schema. Times are ISO-8601 UTC to the second, numbers are decimal.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToFields() =>
        [.. FieldNames.Zip(ToValues(), (name, value) => new KeyValuePair<string, string>(name, value))];

    /// <summary>The values of <see cref="ToFields"/>, in the same order.</summary>
    public string[] ToValues() =>
    [
        RecordId,
        NasName,
        SessionId,
        Status,
        UserName ?? "",
        EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Number(SessionTime),
        Number(InputOctets),
        Number(OutputOctets),
        Number(InputPackets),
        Number(OutputPackets),
        FramedIpAddress ?? "",
        CallingStationId ?? "",
        CalledStationId ?? "",
        NasPort is { } port ? Number(port) : "",
        TerminateCause is { } cause ? Number(cause) : "",
        ClosedBy ?? "",
    ];

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
