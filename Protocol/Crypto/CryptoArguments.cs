namespace Orleans.Radius.Protocol.Crypto;

/// <summary>Length checks for the compute functions, whose fixed sizes are the caller's contract, not wire data.</summary>
internal static class CryptoArguments
{
    public static void RequireLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"Expected exactly {length} bytes.", name);
        }
    }

    public static void RequireSpace(Span<byte> destination, int length, string name)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"Expected room for {length} bytes.", name);
        }
    }
}
