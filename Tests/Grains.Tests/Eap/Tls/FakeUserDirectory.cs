using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>A user store in a dictionary: cleartext passwords, MS-CHAPv2 computed from them, certificates authorized by name.</summary>
internal sealed class FakeUserDirectory(IReadOnlyDictionary<string, string> passwords, bool acceptUnknownCertificates = false) : IEapUserDirectory
{
    public List<string> CertificateAuthorizations { get; } = [];

    public Task<EapCredentialResult> VerifyPasswordAsync(string userName, ReadOnlyMemory<byte> password) =>
        Task.FromResult(passwords.TryGetValue(userName, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), password.Span)
                ? new EapCredentialResult(true, [])
                : EapCredentialResult.Rejected);

    public Task<EapCredentialResult> VerifyMd5Async(string userName, byte identifier, ReadOnlyMemory<byte> challenge, ReadOnlyMemory<byte> response) =>
        Task.FromResult(EapCredentialResult.Rejected);

    public Task<EapCredentialResult> VerifyMsChapV2Async(string userName, ReadOnlyMemory<byte> authenticatorChallenge, ReadOnlyMemory<byte> peerChallenge, ReadOnlyMemory<byte> ntResponse)
    {
        if (!passwords.TryGetValue(userName, out var password))
        {
            return Task.FromResult(EapCredentialResult.Rejected);
        }

        var name = Encoding.UTF8.GetBytes(userName);
        var ntHash = new byte[NtPasswordHash.Length];
        NtPasswordHash.Compute(password, ntHash);
        var expected = new byte[MsChapV2.NtResponseLength];
        MsChapV2.GenerateNtResponse(authenticatorChallenge.Span, peerChallenge.Span, name, ntHash, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, ntResponse.Span))
        {
            return Task.FromResult(EapCredentialResult.Rejected);
        }

        var authenticator = new byte[MsChapV2.AuthenticatorResponseLength];
        MsChapV2.GenerateAuthenticatorResponse(ntHash, ntResponse.Span, peerChallenge.Span, authenticatorChallenge.Span, name, authenticator);
        return Task.FromResult(new EapCredentialResult(true, [], Encoding.ASCII.GetString(authenticator)));
    }

    public Task<EapCredentialResult> AuthorizeCertificateAsync(string userName)
    {
        CertificateAuthorizations.Add(userName);
        return Task.FromResult(passwords.ContainsKey(userName) || acceptUnknownCertificates ? new EapCredentialResult(true, []) : EapCredentialResult.Rejected);
    }
}
