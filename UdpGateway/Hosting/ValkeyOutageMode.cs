namespace Orleans.Radius.Gateway.Hosting;

/// <summary>What a node does while Valkey is unreachable (<c>Valkey:OnOutage</c>).</summary>
public enum ValkeyOutageMode
{
    /// <summary><c>fail-closed</c>: answer no RADIUS at all, so each NAS fails over to another server.</summary>
    FailClosed,

    /// <summary><c>serve-degraded</c>: keep answering from state already in memory; anything that must be stored is not answered.</summary>
    ServeDegraded,
}

/// <summary>Reads <c>Valkey:OnOutage</c>, whose values are spelled as operators write them.</summary>
public static class ValkeyOutageModes
{
    public const string Key = "Valkey:OnOutage";
    public const string FailClosed = "fail-closed";
    public const string ServeDegraded = "serve-degraded";

    public static bool TryParse(string? value, out ValkeyOutageMode mode)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), FailClosed, StringComparison.OrdinalIgnoreCase))
        {
            mode = ValkeyOutageMode.FailClosed;
            return true;
        }

        mode = ValkeyOutageMode.ServeDegraded;
        return string.Equals(value.Trim(), ServeDegraded, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The configured mode; configuration validation has already refused anything else.</summary>
    public static ValkeyOutageMode From(IConfiguration configuration) =>
        TryParse(configuration[Key], out var mode) ? mode : ValkeyOutageMode.FailClosed;
}
