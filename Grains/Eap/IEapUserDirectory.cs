namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// Credential checks for EAP methods, answered by the user's grain (so lockout, Simultaneous-Use and
/// reply items apply to EAP exactly as to PAP). A rejected check never says why.
/// </summary>
internal interface IEapUserDirectory
{
    /// <summary>EAP-TTLS/PAP: the cleartext password the peer sent inside the tunnel.</summary>
    Task<EapCredentialResult> VerifyPasswordAsync(string userName, ReadOnlyMemory<byte> password);

    /// <summary>EAP-MD5 (RFC 3748 §5.4): MD5(identifier ‖ password ‖ challenge) = response.</summary>
    Task<EapCredentialResult> VerifyMd5Async(string userName, byte identifier, ReadOnlyMemory<byte> challenge, ReadOnlyMemory<byte> response);

    /// <summary>
    /// MS-CHAPv2 (RFC 2759) as carried by EAP-MSCHAPv2 and TTLS/MSCHAPv2: on success the result carries the
    /// 42-character authenticator response ("S=…") and the NT-Key material for key derivation.
    /// </summary>
    Task<EapCredentialResult> VerifyMsChapV2Async(string userName, ReadOnlyMemory<byte> authenticatorChallenge, ReadOnlyMemory<byte> peerChallenge, ReadOnlyMemory<byte> ntResponse);

    /// <summary>EAP-TLS: the certificate was validated; authorizes the identity and returns its reply attributes.</summary>
    Task<EapCredentialResult> AuthorizeCertificateAsync(string userName);
}

/// <summary>The answer to a credential check.</summary>
/// <param name="Accepted">Whether the credentials are right and the user may log in now.</param>
/// <param name="ReplyAttributes">Accepted: the user's reply attributes, ready for the Access-Accept.</param>
/// <param name="AuthenticatorResponse">MS-CHAPv2 accepted: "S=" followed by 40 hex digits (RFC 2759 §8.7).</param>
/// <param name="MasterKey">MS-CHAPv2 accepted: the 16-byte MasterKey (RFC 3079 §3.4) for MPPE keys.</param>
internal sealed record EapCredentialResult(
    bool Accepted,
    IReadOnlyList<ReplyAttribute> ReplyAttributes,
    string? AuthenticatorResponse = null,
    byte[]? MasterKey = null)
{
    public static EapCredentialResult Rejected { get; } = new(false, []);
}
