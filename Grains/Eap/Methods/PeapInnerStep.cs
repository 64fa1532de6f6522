namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>What PEAP's phase 2 wants next.</summary>
/// <param name="Kind">Continue (send <paramref name="Data"/> through the tunnel), Success or Failure.</param>
/// <param name="Data">Continue: the inner packet to send.</param>
/// <param name="Identity">Success: the inner identity.</param>
/// <param name="Authorization">Success: the directory's answer.</param>
internal sealed record PeapInnerStep(EapStepKind Kind, byte[]? Data = null, string? Identity = null, EapCredentialResult? Authorization = null)
{
    public static PeapInnerStep Fail { get; } = new(EapStepKind.Failure);

    public static PeapInnerStep Send(byte[] data) => new(EapStepKind.Continue, data);

    public static PeapInnerStep Succeed(string identity, EapCredentialResult authorization) => new(EapStepKind.Success, Identity: identity, Authorization: authorization);
}
