namespace Orleans.Radius.Grains.Options;

/// <summary><c>Dedup</c> section (RFC 5080 §2.2.2).</summary>
public sealed class DedupOptions
{
    public const string Section = "Dedup";

    /// <summary>How long a completed reply is replayed to retransmissions.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most remembered requests per grain; the oldest go first (bounds memory under a flood).</summary>
    public int MaxEntriesPerGrain { get; set; } = 256;
}

/// <summary><c>Lockout</c> section: failed-login lockout per user, cluster-wide.</summary>
public sealed class LockoutOptions
{
    public const string Section = "Lockout";

    /// <summary>Failures within <see cref="Window"/> that lock the user out; 0 disables lockout.</summary>
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary><c>SimultaneousUse</c> section: how Access-Requests count against a user's <c>MaxSessions</c>.</summary>
public sealed class SimultaneousUseOptions
{
    public const string Section = "SimultaneousUse";

    /// <summary>
    /// How long an accepted login counts as a session before its Accounting-Start arrives, so a burst of
    /// logins cannot all slip past the limit.
    /// </summary>
    public TimeSpan ReservationHold { get; set; } = TimeSpan.FromSeconds(10);
}
