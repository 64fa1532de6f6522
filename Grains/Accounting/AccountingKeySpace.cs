namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The Valkey keys of accounting, all under <see cref="AccountingOptions.KeyPrefix"/>. One commit touches
/// several of them in one script, so they must live on one Valkey primary (standalone or Sentinel, not
/// Valkey Cluster).
/// </summary>
internal sealed class AccountingKeySpace(AccountingOptions options)
{
    private readonly string _prefix = options.KeyPrefix;

    /// <summary>Hash of a session: <c>v</c> (version) and <c>s</c> (state JSON).</summary>
    public string Session(string sessionKey) => string.Concat(_prefix, ":session:", sessionKey);

    /// <summary>Set of the Acct-Session-Ids open on a NAS.</summary>
    public string NasOpen(string nasName) => string.Concat(_prefix, ":nas:", nasName);

    /// <summary>Hash of a user's open sessions: session key → <see cref="OpenSession"/> JSON.</summary>
    public string UserOpen(string userName) => string.Concat(_prefix, ":user:", userName);

    /// <summary>Sorted set of a user's Simultaneous-Use holds, scored by expiry (Unix ms).</summary>
    public string UserHolds(string userName) => string.Concat(_prefix, ":holds:", userName);

    /// <summary>Sorted set of open session keys scored by stale deadline (Unix ms): the reaper's schedule.</summary>
    public string Stale => string.Concat(_prefix, ":stale");

    /// <summary>The export stream.</summary>
    public string Stream => options.StreamKey;
}
