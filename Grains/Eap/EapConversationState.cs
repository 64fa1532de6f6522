namespace Orleans.Radius.Grains.Eap;

/// <summary>Where a conversation is.</summary>
public enum EapConversationStage : byte
{
    /// <summary>Nothing known: a fresh key, or a conversation lost with its silo or expired.</summary>
    None = 0,

    /// <summary>EAP-Request/Identity sent (the NAS opened with EAP-Start).</summary>
    AwaitingIdentity = 1,

    /// <summary>A method runs.</summary>
    InMethod = 2,

    /// <summary>EAP-Success or EAP-Failure sent; only retransmissions are answered.</summary>
    Finished = 3,
}

/// <summary>
/// A conversation's progress. Kept in memory for every method; written to storage only while a resumable
/// method (EAP-MD5, EAP-MSCHAPv2) runs, so a silo's loss costs no more than a retransmission.
/// </summary>
[GenerateSerializer, Alias("radius.eap-conversation-state")]
public sealed class EapConversationState
{
    [Id(0)]
    public EapConversationStage Stage { get; set; }

    /// <summary>Identifier of the outstanding EAP-Request; the peer's Response must carry it.</summary>
    [Id(1)]
    public byte Identifier { get; set; }

    [Id(2)]
    public string OuterIdentity { get; set; } = "";

    [Id(3)]
    public string NasName { get; set; } = "";

    /// <summary>EAP type of the running method.</summary>
    [Id(4)]
    public byte Method { get; set; }

    /// <summary>The peer answered the method's Request with the method itself: a Nak is no longer allowed (RFC 3748 §5.3.1).</summary>
    [Id(5)]
    public bool MethodAnswered { get; set; }

    /// <summary>Methods allowed for this conversation, in order of preference.</summary>
    [Id(6)]
    public byte[] Allowed { get; set; } = [];

    [Id(7)]
    public EapMethodSnapshot? Progress { get; set; }

    /// <summary>The last round's request and answer, replayed to its retransmissions.</summary>
    [Id(8)]
    public RequestKey? LastKey { get; set; }

    [Id(9)]
    public EapRoundResult? LastResult { get; set; }

    [Id(10)]
    public DateTimeOffset LastActivity { get; set; }
}
