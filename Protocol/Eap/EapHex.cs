namespace Orleans.Radius.Protocol.Eap;

/// <summary>Hex digits in ASCII, as MS-CHAPv2 messages carry them, without allocating.</summary>
internal static class EapHex
{
    /// <summary>Decodes exactly <c>2 × destination.Length</c> hex digits of either case.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length != 2 * destination.Length)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = Digit(hex[2 * i]);
            var low = Digit(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    /// <summary>Writes uppercase hex, the form RFC 2759 shows and Windows peers expect.</summary>
    public static void Encode(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        const string Digits = "0123456789ABCDEF";
        for (var i = 0; i < value.Length; i++)
        {
            destination[2 * i] = (byte)Digits[value[i] >> 4];
            destination[(2 * i) + 1] = (byte)Digits[value[i] & 0xF];
        }
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
