namespace Orleans.Radius.Gateway.Hosting;

/// <summary><c>Valkey</c> section: where cluster membership, grain state and reminders live.</summary>
public sealed class ValkeyOptions
{
    public const string Section = "Valkey";

    /// <summary>StackExchange.Redis connection string; empty means the embedded (non-durable) default.</summary>
    public string? ConnectionString { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}

/// <summary><c>Cluster</c> section: the Orleans cluster this node belongs to.</summary>
public sealed class RadiusClusterOptions
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "radius";

    public string ServiceId { get; set; } = "orleans-radius";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this silo; defaults to loopback on the embedded default.</summary>
    public string? AdvertisedAddress { get; set; }
}

/// <summary><c>Gateway</c> section: the UDP side.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>On the silo: host the gateway in-process (all-in-one).</summary>
    public bool Enabled { get; set; }

    /// <summary>Address the UDP listeners bind to; replies leave from it.</summary>
    public string Address { get; set; } = "0.0.0.0";

    public int AuthPort { get; set; } = 1812;

    public int AcctPort { get; set; } = 1813;

    /// <summary>Longest a request may wait on the cluster; past it the NAS gets no reply and retransmits.</summary>
    public TimeSpan ClusterDeadline { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Kernel receive buffer per socket: a burst of a few thousand requests must not be dropped.</summary>
    public int ReceiveBufferBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Concurrent receive loops per socket.</summary>
    public int ReceiveLoops { get; set; } = 2;

    /// <summary>Most requests in flight per gateway; beyond it new requests are dropped and counted.</summary>
    public int MaxInFlight { get; set; } = 8192;

    /// <summary>How often the gateway asks the client registry whether its clients changed.</summary>
    public TimeSpan ClientRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>One NAS client (an entry of the <c>Clients</c> array).</summary>
public sealed class ClientOptions
{
    public const string Section = "Clients";

    public string Name { get; set; } = "";

    /// <summary>An IP address or a CIDR block the NAS sends from.</summary>
    public string Address { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>Refuse Access-Requests without a valid Message-Authenticator (BlastRADIUS, CVE-2024-3596).</summary>
    public bool RequireMessageAuthenticator { get; set; } = true;

    /// <summary>Cluster-wide request budget for this client; 0 = unlimited.</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>EAP methods this client's users may use (names as in <c>Eap:Methods</c>); null = every method <c>Eap:Methods</c> allows.</summary>
    public List<string>? EapMethods { get; set; }

    /// <summary>UDP port of the NAS's dynamic authorization server, where Disconnect- and CoA-Requests go (RFC 5176).</summary>
    public int CoaPort { get; set; } = 3799;
}

/// <summary>One user (an entry of the <c>Users</c> array), seeded into grain state at silo start.</summary>
public sealed class UserOptions
{
    public const string Section = "Users";

    public string UserName { get; set; } = "";

    public string? Password { get; set; }

    /// <summary>32 hex digits: MD4 of the UTF-16LE password (for PAP and MS-CHAP without storing cleartext).</summary>
    public string? NtHash { get; set; }

    public Dictionary<string, string> Reply { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int? MaxSessions { get; set; }
}
