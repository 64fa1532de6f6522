using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>Reads the "S=&lt;40 hex&gt; M=&lt;message&gt;" text of an EAP-MSCHAPv2 Success Request (RFC 2759 §5).</summary>
public static class EapMsChapV2SuccessMessage
{
    private const int HexLength = 2 * EapMsChapV2.AuthenticatorResponseLength;

    /// <summary>
    /// Decodes the Authenticator Response into 20 bytes of <paramref name="authenticatorResponse"/> and returns
    /// the text after " M=" (empty when absent). False for anything else, including lowercase "s=".
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> message, Span<byte> authenticatorResponse, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (authenticatorResponse.Length < EapMsChapV2.AuthenticatorResponseLength
            || message.Length < 2 + HexLength
            || !message.StartsWith("S="u8)
            || !EapHex.TryDecode(message.Slice(2, HexLength), authenticatorResponse[..EapMsChapV2.AuthenticatorResponseLength]))
        {
            return false;
        }

        var rest = message[(2 + HexLength)..];
        if (rest.IsEmpty)
        {
            return true;
        }

        if (!rest.StartsWith(" M="u8))
        {
            return false;
        }

        text = rest[3..];
        return true;
    }

    /// <summary>True when the message carries exactly <paramref name="expected"/> (compared in constant time).</summary>
    public static bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> expected)
    {
        Span<byte> received = stackalloc byte[EapMsChapV2.AuthenticatorResponseLength];
        return expected.Length == EapMsChapV2.AuthenticatorResponseLength
            && TryParse(message, received, out _)
            && CryptographicOperations.FixedTimeEquals(received, expected);
    }
}
