namespace Orleans.Radius.Grains.Eap;

/// <summary>One Access-Request of an EAP conversation, reduced to what the conversation needs.</summary>
/// <param name="Key">Duplicate-detection key of the Access-Request: a retransmission is answered, not processed again.</param>
/// <param name="NasName">Name of the client entry the request came from.</param>
/// <param name="EapMessage">The joined EAP-Message attributes: one whole EAP packet, or empty for EAP-Start (RFC 3579 §2.1).</param>
/// <param name="UserName">The outer User-Name, or null when the request had none.</param>
/// <param name="AllowedMethods">The client's <c>EapMethods</c>, or null when the client does not restrict them.</param>
/// <param name="Starts">True when the request carried no State: the gateway issued the key and this round opens the conversation.</param>
[GenerateSerializer, Immutable, Alias("radius.eap-round")]
public sealed record EapRound(
    [property: Id(0)] RequestKey Key,
    [property: Id(1)] string NasName,
    [property: Id(2)] byte[] EapMessage,
    [property: Id(3)] string? UserName,
    [property: Id(4)] IReadOnlyList<string>? AllowedMethods,
    [property: Id(5)] bool Starts);
