namespace Orleans.Radius.Grains;

/// <summary>How the NAS presented the user's credentials.</summary>
public enum AuthMethod : byte
{
    Pap = 1,
    Chap = 2,
    MsChapV1 = 3,
    MsChapV2 = 4,
}

/// <summary>
/// Identifies one RADIUS request for duplicate detection (RFC 5080 §2.2.2): the NAS's address and source
/// port, the packet identifier and the Request Authenticator.
/// </summary>
[GenerateSerializer, Immutable, Alias("radius.request-key")]
public sealed record RequestKey(
    [property: Id(0)] byte[] SourceAddress,
    [property: Id(1)] ushort SourcePort,
    [property: Id(2)] byte Identifier,
    [property: Id(3)] byte[] Authenticator);

/// <summary>An Access-Request reduced to what the user's grain needs to decide it.</summary>
/// <param name="Key">Duplicate-detection key of the request.</param>
/// <param name="NasName">Name of the client entry the request came from.</param>
/// <param name="Method">How the credentials were presented.</param>
/// <param name="Password">PAP: the revealed User-Password.</param>
/// <param name="Challenge">CHAP: CHAP-Challenge (or the Request Authenticator); MS-CHAP v1/v2: MS-CHAP-Challenge.</param>
/// <param name="Response">CHAP: CHAP-Password (ident + 16 bytes); MS-CHAP: MS-CHAP-Response (50); MS-CHAPv2: MS-CHAP2-Response (50).</param>
[GenerateSerializer, Immutable, Alias("radius.auth-request")]
public sealed record AuthRequest(
    [property: Id(0)] RequestKey Key,
    [property: Id(1)] string NasName,
    [property: Id(2)] AuthMethod Method,
    [property: Id(3)] byte[]? Password,
    [property: Id(4)] byte[]? Challenge,
    [property: Id(5)] byte[]? Response);

/// <summary>Whether the user's grain granted access.</summary>
public enum AuthOutcome : byte
{
    Reject = 0,
    Accept = 1,
}

/// <summary>How the gateway must protect a reply attribute's value before sending it.</summary>
public enum ReplyEncryption : byte
{
    None = 0,

    /// <summary>RFC 2868 §3.5 (Tunnel-Password): salted, the first value byte is the tag.</summary>
    TunnelPassword = 2,

    /// <summary>RFC 2548 §2.4.2 salt encryption (MS-MPPE-Send-Key/Recv-Key) inside a Microsoft VSA.</summary>
    MicrosoftSalt = 4,

    /// <summary>RFC 2548 §2.4.1 MS-CHAP-MPPE-Keys: the VSA's value is the 16-byte NT-Key, hidden like User-Password.</summary>
    MsChapMppeKeys = 5,
}

/// <summary>
/// One reply attribute, already encoded as a type-length-value run (a Vendor-Specific attribute for
/// vendor attributes), whose value the gateway encrypts as <see cref="Encryption"/> says.
/// </summary>
[GenerateSerializer, Immutable, Alias("radius.reply-attribute")]
public sealed record ReplyAttribute(
    [property: Id(0)] byte[] Encoded,
    [property: Id(1)] ReplyEncryption Encryption);

/// <summary>The decision on an Access-Request and everything the gateway needs to encode the reply.</summary>
/// <param name="Outcome">Accept or Reject; a Reject carries no reason (no user-exists oracle).</param>
/// <param name="Attributes">Reply attributes in order (the user's reply items, MS-CHAP2-Success, MPPE keys in plaintext).</param>
/// <param name="Replayed">True when this is the cached decision for a retransmission.</param>
[GenerateSerializer, Immutable, Alias("radius.auth-result")]
public sealed record AuthResult(
    [property: Id(0)] AuthOutcome Outcome,
    [property: Id(1)] IReadOnlyList<ReplyAttribute> Attributes,
    [property: Id(2)] bool Replayed)
{
    public static AuthResult Rejected { get; } = new(AuthOutcome.Reject, [], false);
}
