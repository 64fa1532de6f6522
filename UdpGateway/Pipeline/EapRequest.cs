using Orleans.Radius.Grains.Eap;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>An Access-Request carrying EAP, decoded: which conversation, the State to answer with, and the round.</summary>
/// <param name="ConversationKey">Grain key of the conversation (from <paramref name="State"/>).</param>
/// <param name="State">The State the request carried, or a fresh one when it opens a conversation.</param>
/// <param name="Round">What the conversation grain decides.</param>
internal sealed record EapRequest(string ConversationKey, byte[] State, EapRound Round);
