using System.Security.Cryptography;

namespace Orleans.Radius.Grains.Eap;

/// <summary>The State attribute that names a conversation, and the grain key derived from it.</summary>
public static class EapConversationKeys
{
    /// <summary>Length of a State the server issues: 128 random bits, unguessable across the cluster.</summary>
    public const int StateLength = 16;

    /// <summary>A fresh State for a conversation's first Access-Challenge.</summary>
    public static byte[] NewState() => RandomNumberGenerator.GetBytes(StateLength);

    /// <summary>The conversation grain's key for <paramref name="state"/>.</summary>
    public static string ToKey(ReadOnlySpan<byte> state) => Convert.ToHexStringLower(state);
}
