using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// Salts for the salt-encrypted attributes (RFC 2868 §3.5, RFC 2548 §2.4.2): two bytes, most significant
/// bit set, unique within one packet.
/// </summary>
public static class RadiusSalt
{
    /// <summary>The bit every salt must have set.</summary>
    public const ushort HighBit = 0x8000;

    /// <summary>True when the salt has its most significant bit set, as the RFCs require.</summary>
    public static bool IsValid(ushort salt) => (salt & HighBit) != 0;

    /// <summary>A random salt, fine for a packet carrying one salted attribute.</summary>
    public static ushort Random() => (ushort)(RandomNumberGenerator.GetInt32(HighBit) | HighBit);

    /// <summary>
    /// Fills <paramref name="salts"/> with distinct salts for one packet: a random start and consecutive
    /// values after it, so two attributes never share a key stream (a pair of random salts would collide
    /// once in 32,768 packets).
    /// </summary>
    public static void FillDistinct(Span<ushort> salts)
    {
        if (salts.Length > HighBit)
        {
            throw new ArgumentException("At most 32768 distinct salts exist.", nameof(salts));
        }

        var start = RandomNumberGenerator.GetInt32(HighBit);
        for (var i = 0; i < salts.Length; i++)
        {
            salts[i] = (ushort)(((start + i) % HighBit) | HighBit);
        }
    }
}
