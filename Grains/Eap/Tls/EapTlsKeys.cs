namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// Keying material exported at the end of the handshake (the only moment the TLS secrets exist).
/// </summary>
/// <param name="KeyMaterial">128 bytes: MSK ‖ EMSK (RFC 5216 §2.3, RFC 9190 §2.3, RFC 5281 §8).</param>
/// <param name="TtlsChallenge">EAP-TTLS only: 17 bytes of "ttls challenge", the MS-CHAP challenge and identifier (RFC 5281 §11.2.4).</param>
/// <param name="IsTls13">True when TLS 1.3 was negotiated.</param>
internal sealed record EapTlsKeys(byte[] KeyMaterial, byte[]? TtlsChallenge, bool IsTls13)
{
    public const int KeyMaterialLength = 128;
    public const int MskLength = 64;
    public const int TtlsChallengeLength = 17;

    /// <summary>The Master Session Key: the first 64 bytes.</summary>
    public byte[] Msk => KeyMaterial[..MskLength];
}
