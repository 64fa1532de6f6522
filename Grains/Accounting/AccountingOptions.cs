namespace Orleans.Radius.Grains.Accounting;

/// <summary><c>Accounting</c> section: where records are exported and when sessions are reaped and forgotten.</summary>
public sealed class AccountingOptions
{
    public const string Section = "Accounting";

    /// <summary>Prefix of the Valkey keys holding sessions and their indexes.</summary>
    public string KeyPrefix { get; set; } = "radius:acct";

    /// <summary>
    /// Valkey replicas that must hold a record before it is acknowledged (Valkey WAIT, coalesced across
    /// records); 0 acknowledges once the primary has it (and its append-only file, per its fsync policy).
    /// </summary>
    public int MinReplicas { get; set; }

    /// <summary>How long a record waits for <see cref="MinReplicas"/>; past it the record is not acknowledged and the NAS retransmits.</summary>
    public TimeSpan ReplicaTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the reaper looks for sessions past their stale deadline.</summary>
    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Valkey stream every acknowledged Start, Interim-Update and Stop is appended to.</summary>
    public string StreamKey { get; set; } = "radius:accounting";

    /// <summary>Approximate bound of the stream (XADD MAXLEN ~); consumers must keep up within it.</summary>
    public long StreamMaxLength { get; set; } = 1_000_000;

    /// <summary>A session is stale after this many interim intervals without an update (plus <see cref="StaleGrace"/>).</summary>
    public double StaleMultiplier { get; set; } = 2;

    public TimeSpan StaleGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Interim interval assumed when the NAS sends no Acct-Interim-Interval.</summary>
    public TimeSpan DefaultInterimInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a closed session's state is kept before it is cleared from storage. The state is what tells a
    /// retransmission from a new record, so a copy of a record that arrives later than this is taken as new.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Stale deadline of a session whose NAS announced <paramref name="interimInterval"/> (null: none).</summary>
    public TimeSpan StaleAfter(TimeSpan? interimInterval) =>
        ((interimInterval is { } interval && interval > TimeSpan.Zero ? interval : DefaultInterimInterval) * StaleMultiplier) + StaleGrace;
}
