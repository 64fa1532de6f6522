using System.Net;

namespace Orleans.Radius.Silo.Admin.Coa;

/// <summary>
/// What a Disconnect- or CoA-Request says about the session it targets (RFC 5176 §3): the NAS's own
/// address (NAS-IP-Address or NAS-IPv6-Address) and the session (Acct-Session-Id, User-Name, Framed-IP-Address).
/// </summary>
public sealed record SessionIdentification(string AcctSessionId, string? UserName, IPAddress? NasAddress, IPAddress? FramedIpAddress);
