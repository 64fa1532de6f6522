namespace Orleans.Radius.Protocol.Packets;

/// <summary>RADIUS packet codes (RFC 2865, 2866, 5176, 5997).</summary>
public enum RadiusCode : byte
{
    AccessRequest = 1,
    AccessAccept = 2,
    AccessReject = 3,
    AccountingRequest = 4,
    AccountingResponse = 5,
    AccessChallenge = 11,
    StatusServer = 12,
    StatusClient = 13,
    DisconnectRequest = 40,
    DisconnectAck = 41,
    DisconnectNak = 42,
    CoaRequest = 43,
    CoaAck = 44,
    CoaNak = 45,
}

/// <summary>Facts about <see cref="RadiusCode"/> values that the codec and the servers rely on.</summary>
public static class RadiusCodes
{
    /// <summary>True for a code this library knows.</summary>
    public static bool IsDefined(RadiusCode code) => code switch
    {
        RadiusCode.AccessRequest or RadiusCode.AccessAccept or RadiusCode.AccessReject
            or RadiusCode.AccountingRequest or RadiusCode.AccountingResponse or RadiusCode.AccessChallenge
            or RadiusCode.StatusServer or RadiusCode.StatusClient
            or RadiusCode.DisconnectRequest or RadiusCode.DisconnectAck or RadiusCode.DisconnectNak
            or RadiusCode.CoaRequest or RadiusCode.CoaAck or RadiusCode.CoaNak => true,
        _ => false,
    };

    /// <summary>True for codes a client sends to a server (and a server answers).</summary>
    public static bool IsRequest(RadiusCode code) => code is RadiusCode.AccessRequest or RadiusCode.AccountingRequest
        or RadiusCode.StatusServer or RadiusCode.StatusClient or RadiusCode.DisconnectRequest or RadiusCode.CoaRequest;

    /// <summary>
    /// True when the Request Authenticator of this request code is an MD5 over the packet and the secret
    /// (RFC 2866 §3, RFC 5176 §2.3) rather than a random nonce.
    /// </summary>
    public static bool HasComputedRequestAuthenticator(RadiusCode code) =>
        code is RadiusCode.AccountingRequest or RadiusCode.DisconnectRequest or RadiusCode.CoaRequest;

    /// <summary>Display name as used in RFCs and FreeRADIUS ("Access-Request").</summary>
    public static string Name(RadiusCode code) => code switch
    {
        RadiusCode.AccessRequest => "Access-Request",
        RadiusCode.AccessAccept => "Access-Accept",
        RadiusCode.AccessReject => "Access-Reject",
        RadiusCode.AccountingRequest => "Accounting-Request",
        RadiusCode.AccountingResponse => "Accounting-Response",
        RadiusCode.AccessChallenge => "Access-Challenge",
        RadiusCode.StatusServer => "Status-Server",
        RadiusCode.StatusClient => "Status-Client",
        RadiusCode.DisconnectRequest => "Disconnect-Request",
        RadiusCode.DisconnectAck => "Disconnect-ACK",
        RadiusCode.DisconnectNak => "Disconnect-NAK",
        RadiusCode.CoaRequest => "CoA-Request",
        RadiusCode.CoaAck => "CoA-ACK",
        RadiusCode.CoaNak => "CoA-NAK",
        _ => "Code-" + ((byte)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
