namespace Orleans.Radius.Protocol.Eap;

/// <summary>Field sizes and error codes of EAP-MSCHAPv2 (draft-kamath-pppext-eap-mschapv2-01, RFC 2759).</summary>
public static class EapMsChapV2
{
    /// <summary>OpCode, MS-CHAPv2-ID and the 2-byte MS-Length.</summary>
    public const int HeaderLength = 4;

    public const int ChallengeLength = 16;
    public const int PeerChallengeLength = 16;
    public const int ReservedLength = 8;
    public const int NtResponseLength = 24;

    /// <summary>Value-Size of a Response: Peer-Challenge, Reserved, NT-Response and Flags.</summary>
    public const int ResponseValueSize = PeerChallengeLength + ReservedLength + NtResponseLength + 1;

    /// <summary>The binary Authenticator Response, sent as 40 hex digits after "S=" (RFC 2759 §8.7).</summary>
    public const int AuthenticatorResponseLength = 20;

    public const int EncryptedPasswordLength = 516;
    public const int EncryptedHashLength = 16;

    /// <summary>Change-Password body after the header (RFC 2759 §7).</summary>
    public const int ChangePasswordBodyLength = EncryptedPasswordLength + EncryptedHashLength + PeerChallengeLength + ReservedLength + NtResponseLength + 2;

    /// <summary>Failure codes of RFC 2759 §6 ("E=").</summary>
    public const int ErrorRestrictedLogonHours = 646;
    public const int ErrorAccountDisabled = 647;
    public const int ErrorPasswordExpired = 648;
    public const int ErrorNoDialinPermission = 649;
    public const int ErrorAuthenticationFailure = 691;
    public const int ErrorChangingPassword = 709;
}
