namespace Orleans.Radius.Silo.Admin;

/// <summary><c>Admin</c> section: the admin API's access token and how it talks to NASes (RFC 5176).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Bearer token the admin API (and the dashboard) require; without one they answer loopback requests only.</summary>
    public string? Token { get; set; }

    /// <summary>How long to wait for a Disconnect/CoA answer before sending the request again.</summary>
    public TimeSpan CoaTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times a Disconnect/CoA-Request is sent (the first send included) before reporting a timeout.</summary>
    public int CoaAttempts { get; set; } = 3;

    /// <summary>Local address Disconnect/CoA-Requests leave from; unset lets the OS choose by route.</summary>
    public string? CoaSourceAddress { get; set; }
}
