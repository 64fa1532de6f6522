namespace Orleans.Radius.Grains.Eap;

/// <summary>Which RADIUS packet answers a round.</summary>
public enum EapReplyKind : byte
{
    /// <summary>Access-Challenge carrying the next EAP-Request and the conversation's State.</summary>
    Challenge = 1,

    /// <summary>Access-Accept with EAP-Success, the MS-MPPE keys and the user's reply attributes.</summary>
    Accept = 2,

    /// <summary>Access-Reject with EAP-Failure.</summary>
    Reject = 3,

    /// <summary>
    /// No answer: the EAP packet must be silently discarded (RFC 3748 §4.1, e.g. a Response whose Identifier
    /// does not match the outstanding Request). The gateway counts a drop.
    /// </summary>
    Discard = 4,
}

/// <summary>The answer to one round.</summary>
/// <param name="Kind">What to send.</param>
/// <param name="EapMessage">The EAP packet to send (empty for <see cref="EapReplyKind.Discard"/>).</param>
/// <param name="Attributes">
/// Accept: User-Name of the inner identity (when configured), MS-MPPE-Recv-Key and MS-MPPE-Send-Key in
/// plaintext (the gateway salt-encrypts them), then the user's reply attributes.
/// </param>
/// <param name="Replayed">True when this is the stored answer to a retransmission.</param>
[GenerateSerializer, Immutable, Alias("radius.eap-round-result")]
public sealed record EapRoundResult(
    [property: Id(0)] EapReplyKind Kind,
    [property: Id(1)] byte[] EapMessage,
    [property: Id(2)] IReadOnlyList<ReplyAttribute> Attributes,
    [property: Id(3)] bool Replayed)
{
    public static EapRoundResult Discarded { get; } = new(EapReplyKind.Discard, [], [], false);
}
