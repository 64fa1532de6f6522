namespace Orleans.Radius.Protocol.Tests.Eap;

/// <summary>Builds byte arrays from hex written the way RFCs lay packets out ("02 07 00 09 ...").</summary>
internal static class EapBytes
{
    public static byte[] Hex(string text) => Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    /// <summary>Feeds every strict prefix of <paramref name="valid"/> to <paramref name="parse"/>, which must refuse each.</summary>
    public static void AssertEveryTruncationRejected(byte[] valid, Func<byte[], bool> parse)
    {
        for (var length = 0; length < valid.Length; length++)
        {
            Assert.False(parse(valid.AsSpan(0, length).ToArray()), $"prefix of {length} bytes was accepted");
        }
    }

    public static byte[] Write(int capacity, WriteAction write)
    {
        var buffer = new byte[capacity];
        Assert.True(write(buffer, out var written));
        return buffer.AsSpan(0, written).ToArray();
    }

    public delegate bool WriteAction(Span<byte> destination, out int bytesWritten);
}
