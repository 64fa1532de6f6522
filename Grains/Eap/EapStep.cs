namespace Orleans.Radius.Grains.Eap;

/// <summary>What a method wants next: another Request, or the end of the conversation.</summary>
internal enum EapStepKind : byte
{
    /// <summary>Send an EAP-Request of the method carrying <see cref="EapStep.TypeData"/>.</summary>
    Continue = 1,

    /// <summary>Send Access-Accept with EAP-Success (and the keys, when the method derived any).</summary>
    Success = 2,

    /// <summary>Send Access-Reject with EAP-Failure.</summary>
    Failure = 3,
}

/// <summary>One step of a method.</summary>
/// <param name="Kind">What to send.</param>
/// <param name="TypeData">Continue: the Request's Type-Data (fragmenting TLS methods send one fragment per step).</param>
/// <param name="Msk">Success: the 64-byte Master Session Key, or null for methods without keys (EAP-MD5).</param>
/// <param name="Identity">Success: the authenticated identity (the inner identity of tunnelled methods).</param>
/// <param name="Authorization">Success: the user's reply attributes and what the credential check returned.</param>
internal sealed record EapStep(
    EapStepKind Kind,
    byte[]? TypeData = null,
    byte[]? Msk = null,
    string? Identity = null,
    EapCredentialResult? Authorization = null)
{
    public static EapStep Failure { get; } = new(EapStepKind.Failure);

    public static EapStep Continue(byte[] typeData) => new(EapStepKind.Continue, typeData);
}
