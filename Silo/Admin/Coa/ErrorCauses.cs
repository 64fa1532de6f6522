namespace Orleans.Radius.Silo.Admin.Coa;

/// <summary>Error-Cause values (RFC 5176 §3.5) and their names as the RFC gives them.</summary>
public static class ErrorCauses
{
    /// <summary>The RFC's name for <paramref name="value"/>, or null for a value it does not define.</summary>
    public static string? Name(uint value) => value switch
    {
        201 => "Residual Session Context Removed",
        202 => "Invalid EAP Packet (Ignored)",
        401 => "Unsupported Attribute",
        402 => "Missing Attribute",
        403 => "NAS Identification Mismatch",
        404 => "Invalid Request",
        405 => "Unsupported Service",
        406 => "Unsupported Extension",
        407 => "Invalid Attribute Value",
        501 => "Administratively Prohibited",
        502 => "Request Not Routable (Proxy)",
        503 => "Session Context Not Found",
        504 => "Session Context Not Removable",
        505 => "Other Proxy Processing Error",
        506 => "Resources Unavailable",
        507 => "Request Initiated",
        508 => "Multiple Session Selection Unsupported",
        _ => null,
    };
}
