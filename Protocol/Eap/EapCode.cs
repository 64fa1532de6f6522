namespace Orleans.Radius.Protocol.Eap;

/// <summary>EAP packet codes (RFC 3748 §4, RFC 6696 §5.3).</summary>
public enum EapCode : byte
{
    Request = 1,
    Response = 2,
    Success = 3,
    Failure = 4,

    /// <summary>ERP Initiate (RFC 6696); recognised but not parsed by this library.</summary>
    Initiate = 5,

    /// <summary>ERP Finish (RFC 6696); recognised but not parsed by this library.</summary>
    Finish = 6,
}
