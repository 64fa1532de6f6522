namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// One EAP conversation (RFC 3748 over RFC 3579), keyed by the State the server issued in its first
/// Access-Challenge: whichever gateway receives a round reaches the same activation with one call.
/// </summary>
[Alias("radius.eap-conversation")]
public interface IEapConversationGrain : IGrainWithStringKey
{
    /// <summary>Takes one round (the peer's EAP packet) and says what to answer; a retransmitted round gets the same answer again.</summary>
    [Alias("process")]
    Task<EapRoundResult> Process(EapRound round);
}
