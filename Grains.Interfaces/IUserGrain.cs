using Orleans.Radius.Grains.Eap;

namespace Orleans.Radius.Grains;

/// <summary>
/// One user, keyed by User-Name: credentials and reply items (durable), failed-login lockout, and
/// duplicate detection of that user's Access-Requests, so one grain call decides a request.
/// </summary>
[Alias("radius.user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Decides an Access-Request; a retransmission inside the dedup window gets the cached decision.</summary>
    [Alias("authenticate")]
    Task<AuthResult> Authenticate(AuthRequest request);

    /// <summary>Creates or replaces the user; returns false when the stored definition was already equal.</summary>
    [Alias("upsert")]
    Task<bool> Upsert(UserDefinition definition);

    /// <summary>The stored user, or null when there is none.</summary>
    [Alias("get")]
    Task<UserView?> Get();

    /// <summary>Removes the user; returns false when there was none.</summary>
    [Alias("delete")]
    Task<bool> Delete();

    /// <summary>Clears a failed-login lockout.</summary>
    [Alias("unlock")]
    Task Unlock();

    /// <summary>EAP-MD5 (RFC 3748 §5.4): MD5(identifier ‖ password ‖ challenge) = response; needs the cleartext password.</summary>
    [Alias("eap-md5")]
    Task<EapUserResult> VerifyEapMd5(byte identifier, byte[] challenge, byte[] response);

    /// <summary>MS-CHAPv2 inside EAP (RFC 2759 against the NT hash); the user name hashed is this grain's key.</summary>
    [Alias("eap-mschapv2")]
    Task<EapUserResult> VerifyEapMsChapV2(byte[] authenticatorChallenge, byte[] peerChallenge, byte[] ntResponse);

    /// <summary>A cleartext password sent inside a TLS tunnel (EAP-TTLS/PAP).</summary>
    [Alias("eap-password")]
    Task<EapUserResult> VerifyEapPassword(byte[] password);

    /// <summary>EAP-TLS: the certificate was validated; authorizes this user (unknown users only when <paramref name="acceptUnknown"/>).</summary>
    [Alias("eap-certificate")]
    Task<EapUserResult> AuthorizeEapCertificate(bool acceptUnknown);
}

/// <summary>
/// A NAS client's request budget (requests per second), shared by every gateway: gateways lease tokens
/// in batches so the hot path stays local while the cluster as a whole admits about the budget.
/// </summary>
[Alias("radius.nas-budget")]
public interface INasBudgetGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <paramref name="requested"/> tokens from a bucket refilled at <paramref name="ratePerSecond"/>.</summary>
    [Alias("lease")]
    Task<int> Lease(int requested, int ratePerSecond);
}
