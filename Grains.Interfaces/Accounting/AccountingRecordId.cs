using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The deterministic id of an exported accounting record: the same NAS, session, status and event always
/// give the same id, so a retry after a silo died between the export and the state write is recognised.
/// </summary>
/// <remarks>
/// SHA-256 over the length-prefixed UTF-8 of (NAS name, Acct-Session-Id, event key), first 16 bytes in
/// lowercase hex. The event key is "start", "stop", "interim:t{Acct-Session-Time}" (or
/// "interim:e{event unix seconds}" when the NAS sends no session time), and for closes the grains make
/// themselves "stop:reaper:e{last event}" or "stop:nas-reboot:e{Accounting-On/Off event}". Length
/// prefixes keep ("a|b", "c") and ("a", "b|c") apart; hashing bounds the key length whatever the NAS sent.
/// </remarks>
public static class AccountingRecordId
{
    /// <summary>The id of a record the NAS sent.</summary>
    public static string Of(AccountingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var seconds = record.EventTime.ToUnixTimeSeconds();
        var eventKey = (record.StatusType, record.SessionTime) switch
        {
            (AccountingStatusType.Start, _) => "start",
            (AccountingStatusType.Stop, _) => "stop",
            (AccountingStatusType.InterimUpdate, { } sessionTime) => string.Create(CultureInfo.InvariantCulture, $"interim:t{sessionTime}"),
            (AccountingStatusType.InterimUpdate, null) => string.Create(CultureInfo.InvariantCulture, $"interim:e{seconds}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"status{(uint)record.StatusType}:e{seconds}"),
        };
        return Compute(record.NasName, record.SessionId, eventKey);
    }

    /// <summary>The id of a close the grains made on the NAS's behalf (reaper or NAS reboot).</summary>
    public static string OfClose(string nasName, string sessionId, SessionClosedBy closedBy, DateTimeOffset eventTime)
    {
        var who = closedBy switch
        {
            SessionClosedBy.Reaper => "reaper",
            SessionClosedBy.NasReboot => "nas-reboot",
            _ => throw new ArgumentOutOfRangeException(nameof(closedBy), closedBy, "only closes made by the grains have their own id"),
        };
        return Compute(nasName, sessionId, string.Create(CultureInfo.InvariantCulture, $"stop:{who}:e{eventTime.ToUnixTimeSeconds()}"));
    }

    public static string Compute(string nasName, string sessionId, string eventKey)
    {
        ArgumentNullException.ThrowIfNull(nasName);
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(eventKey);
        var encoding = Encoding.UTF8;
        var buffer = new byte[12 + encoding.GetByteCount(nasName) + encoding.GetByteCount(sessionId) + encoding.GetByteCount(eventKey)];
        var offset = 0;
        foreach (var part in (ReadOnlySpan<string>)[nasName, sessionId, eventKey])
        {
            var length = encoding.GetBytes(part, buffer.AsSpan(offset + 4));
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), length);
            offset += 4 + length;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
