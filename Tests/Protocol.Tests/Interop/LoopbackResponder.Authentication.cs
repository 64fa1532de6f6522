using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>Credential checks against the fixed user table: PAP, CHAP, MS-CHAPv1 and MS-CHAPv2.</summary>
internal sealed partial class LoopbackResponder
{
    public const uint MicrosoftVendorId = 311;
    public const byte MsChapResponseType = 1;
    public const byte MsChapChallengeType = 11;
    public const byte MsChapMppeKeysType = 12;
    public const byte MsMppeSendKeyType = 16;
    public const byte MsMppeRecvKeyType = 17;
    public const byte MsChap2ResponseType = 25;
    public const byte MsChap2SuccessType = 26;

    private Authentication Authenticate(in RadiusPacketReader request, IReadOnlyList<VendorAttribute> vendorAttributes)
    {
        var userName = request.TryGetAttribute(RadiusAttributeType.UserName, out var name) ? name.Value.ToArray() : [];
        var password = _users.TryGetValue(Encoding.UTF8.GetString(userName), out var configured) ? configured : null;
        var ntHash = new byte[NtPasswordHash.Length];
        if (password is not null)
        {
            NtPasswordHash.Compute(password, ntHash);
        }

        var facts = new Authentication(AuthenticationMethod.None, false, null, userName, ntHash);
        if (request.TryGetAttribute(RadiusAttributeType.UserPassword, out var hidden))
        {
            Span<byte> revealed = stackalloc byte[UserPasswordCipher.MaxPasswordLength];
            if (!UserPasswordCipher.TryReveal(hidden.Value, _secret, request.Authenticator, revealed, out var length))
            {
                return facts with { Method = AuthenticationMethod.Pap };
            }

            var matches = password is not null
                && CryptographicOperations.FixedTimeEquals(revealed[..length], Encoding.UTF8.GetBytes(password));
            return facts with { Method = AuthenticationMethod.Pap, Verified = matches, RevealedPassword = Encoding.UTF8.GetString(revealed[..length]) };
        }

        if (request.TryGetAttribute(RadiusAttributeType.ChapPassword, out var chap))
        {
            var matches = password is not null
                && ChapPassword.Verify(chap.Value, Encoding.UTF8.GetBytes(password), ChapPassword.GetChallenge(request));
            return facts with { Method = AuthenticationMethod.Chap, Verified = matches };
        }

        var challenge = FindMicrosoft(vendorAttributes, MsChapChallengeType);
        if (challenge is not null && FindMicrosoft(vendorAttributes, MsChapResponseType) is { } v1Response)
        {
            var matches = password is not null && MsChapV1.VerifyResponse(v1Response, challenge, ntHash);
            return facts with { Method = AuthenticationMethod.MsChapV1, Verified = matches, Challenge = challenge };
        }

        if (challenge is not null && FindMicrosoft(vendorAttributes, MsChap2ResponseType) is { } v2Response)
        {
            var matches = password is not null
                && userName.Length <= MsChapV2.MaxUserNameLength
                && MsChapV2.VerifyResponse(v2Response, challenge, userName, ntHash);
            return facts with { Method = AuthenticationMethod.MsChapV2, Verified = matches, Challenge = challenge, Response = v2Response };
        }

        return facts;
    }

    private static byte[]? FindMicrosoft(IReadOnlyList<VendorAttribute> vendorAttributes, byte vendorType) =>
        vendorAttributes.FirstOrDefault(v => v.VendorId == MicrosoftVendorId && v.VendorType == vendorType)?.Value;

    /// <summary>What the credential check found, and what building the Access-Accept needs from it.</summary>
    private sealed record Authentication(
        AuthenticationMethod Method,
        bool Verified,
        string? RevealedPassword,
        byte[] UserName,
        byte[] NtHash,
        byte[]? Challenge = null,
        byte[]? Response = null);
}
