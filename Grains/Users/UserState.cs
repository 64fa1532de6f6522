namespace Orleans.Radius.Grains.Users;

/// <summary>
/// What is stored for a user. The NT hash is always kept (PAP and MS-CHAP check against it); the
/// cleartext password only when one was configured, because CHAP cannot work without it.
/// </summary>
[GenerateSerializer, Alias("radius.user-state")]
public sealed class UserState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public string? CleartextPassword { get; set; }

    [Id(2)]
    public byte[]? NtHash { get; set; }

    [Id(3)]
    public Dictionary<string, string> Reply { get; set; } = [];

    [Id(4)]
    public int? MaxSessions { get; set; }

    /// <summary>Failed-login lockout, durable so a restart or failover does not lift it.</summary>
    [Id(5)]
    public DateTimeOffset? LockedUntil { get; set; }
}
