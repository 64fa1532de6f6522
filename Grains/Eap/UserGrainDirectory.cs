namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// <see cref="IEapUserDirectory"/> over the users' grains: lockout, MaxSessions and reply items apply to
/// EAP exactly as to PAP, because the same grain decides.
/// </summary>
internal sealed class UserGrainDirectory(IGrainFactory grains, bool acceptUnknownCertificateUsers) : IEapUserDirectory
{
    public async Task<EapCredentialResult> VerifyPasswordAsync(string userName, ReadOnlyMemory<byte> password) =>
        Convert(await User(userName).VerifyEapPassword(password.ToArray()));

    public async Task<EapCredentialResult> VerifyMd5Async(string userName, byte identifier, ReadOnlyMemory<byte> challenge, ReadOnlyMemory<byte> response) =>
        Convert(await User(userName).VerifyEapMd5(identifier, challenge.ToArray(), response.ToArray()));

    public async Task<EapCredentialResult> VerifyMsChapV2Async(
        string userName, ReadOnlyMemory<byte> authenticatorChallenge, ReadOnlyMemory<byte> peerChallenge, ReadOnlyMemory<byte> ntResponse) =>
        Convert(await User(userName).VerifyEapMsChapV2(authenticatorChallenge.ToArray(), peerChallenge.ToArray(), ntResponse.ToArray()));

    public async Task<EapCredentialResult> AuthorizeCertificateAsync(string userName) =>
        Convert(await User(userName).AuthorizeEapCertificate(acceptUnknownCertificateUsers));

    private IUserGrain User(string userName) => grains.GetGrain<IUserGrain>(userName);

    private static EapCredentialResult Convert(EapUserResult result) =>
        result.Accepted
            ? new EapCredentialResult(true, result.ReplyAttributes, result.AuthenticatorResponse, result.MasterKey)
            : EapCredentialResult.Rejected;
}
