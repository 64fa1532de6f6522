namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>How an attribute's value is hidden on the wire (the FreeRADIUS <c>encrypt=N</c> flag).</summary>
public enum EncryptMethod : byte
{
    None = 0,

    /// <summary>RFC 2865 §5.2 User-Password hiding.</summary>
    UserPassword = 1,

    /// <summary>RFC 2868 §3.5 Tunnel-Password salted hiding (also used by RFC 2548 MS-MPPE keys).</summary>
    TunnelPassword = 2,

    /// <summary>Ascend's Ascend-Send-Secret scheme.</summary>
    AscendSecret = 3,
}
