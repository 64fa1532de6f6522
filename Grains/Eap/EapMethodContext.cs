namespace Orleans.Radius.Grains.Eap;

/// <summary>What a method may use in one conversation.</summary>
/// <param name="OuterIdentity">The identity from EAP-Response/Identity (possibly anonymous for tunnelled methods).</param>
/// <param name="NasName">Configured name of the NAS client.</param>
/// <param name="Users">Checks credentials against the user store.</param>
/// <param name="Time">Clock of the conversation.</param>
internal sealed record EapMethodContext(
    string OuterIdentity,
    string NasName,
    IEapUserDirectory Users,
    TimeProvider Time)
{
    /// <summary>
    /// Identifier of the EAP-Request the method's output goes into (Start) or the peer's Response answers
    /// (Process): EAP-MD5 hashes it (RFC 3748 §5.4).
    /// </summary>
    public byte RequestIdentifier { get; init; }
}
