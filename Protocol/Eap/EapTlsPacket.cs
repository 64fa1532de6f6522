namespace Orleans.Radius.Protocol.Eap;

/// <summary>Sizes of the TLS-based methods' framing inside the EAP Type-Data (RFC 5216 §3.1).</summary>
public static class EapTlsPacket
{
    public const int FlagsLength = 1;

    /// <summary>The TLS Message Length field present when L is set.</summary>
    public const int MessageLengthFieldLength = 4;

    /// <summary>Largest version the three version bits can carry.</summary>
    public const byte MaxVersion = (byte)EapTlsFlags.VersionMask;

    /// <summary>True for the method types that use this framing.</summary>
    public static bool IsTlsBased(EapType type) => type is EapType.Tls or EapType.Ttls or EapType.Peap;
}
