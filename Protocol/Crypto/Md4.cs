using Org.BouncyCastle.Crypto.Digests;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>MD4 (RFC 1320) for the NT password hash; .NET has none, so BouncyCastle provides it.</summary>
internal static class Md4
{
    public const int HashLength = 16;

    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var digest = new MD4Digest();
        digest.BlockUpdate(source);
        digest.DoFinal(destination);
    }
}
