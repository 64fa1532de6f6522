namespace Orleans.Radius.Grains.Eap;

/// <summary>A user's grain's answer to an EAP credential check.</summary>
/// <param name="Accepted">Right credentials, not locked out, within MaxSessions.</param>
/// <param name="ReplyAttributes">Accepted: the user's reply items.</param>
/// <param name="AuthenticatorResponse">MS-CHAPv2 accepted: "S=" and 40 hex digits (RFC 2759 §8.7).</param>
/// <param name="MasterKey">MS-CHAPv2 accepted: the 16-byte MasterKey (RFC 3079 §3.4).</param>
[GenerateSerializer, Immutable, Alias("radius.eap-user-result")]
public sealed record EapUserResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] IReadOnlyList<ReplyAttribute> ReplyAttributes,
    [property: Id(2)] string? AuthenticatorResponse = null,
    [property: Id(3)] byte[]? MasterKey = null)
{
    public static EapUserResult Rejected { get; } = new(false, []);
}
