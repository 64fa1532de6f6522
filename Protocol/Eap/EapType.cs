namespace Orleans.Radius.Protocol.Eap;

/// <summary>EAP method types (IANA "Method Types" registry, RFC 3748 §5–6).</summary>
public enum EapType : byte
{
    Identity = 1,
    Notification = 2,

    /// <summary>Legacy Nak (RFC 3748 §5.3.1), Response only.</summary>
    Nak = 3,
    Md5Challenge = 4,
    Otp = 5,
    Gtc = 6,
    Tls = 13,
    Leap = 17,
    Sim = 18,
    Ttls = 21,
    Aka = 23,
    Peap = 25,
    MsChapV2 = 26,

    /// <summary>Microsoft's TLV extensions type used inside PEAP (Result, Crypto-Binding TLVs).</summary>
    Extensions = 33,
    Fast = 43,
    AkaPrime = 50,
    Pwd = 52,
    Teap = 55,

    /// <summary>Expanded Type (RFC 3748 §5.7): a 3-byte Vendor-Id and 4-byte Vendor-Type follow.</summary>
    Expanded = 254,
    Experimental = 255,
}
