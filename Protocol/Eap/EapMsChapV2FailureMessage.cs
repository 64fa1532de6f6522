using System.Buffers.Text;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// The parsed "E=eeeeeeeeee R=r C=cccccccccccccccccccccccccccccccc V=vvvvvvvvvv M=&lt;msg&gt;" text of an
/// EAP-MSCHAPv2 Failure Request (RFC 2759 §6). Only E= is required; M= takes the rest of the text.
/// </summary>
public readonly ref struct EapMsChapV2FailureMessage
{
    private EapMsChapV2FailureMessage(int errorCode, bool retry, ReadOnlySpan<byte> challengeHex, int version, ReadOnlySpan<byte> message)
    {
        ErrorCode = errorCode;
        Retry = retry;
        ChallengeHex = challengeHex;
        Version = version;
        Message = message;
    }

    public int ErrorCode { get; }

    public bool Retry { get; }

    /// <summary>The 32 hex digits after "C=", validated; empty when absent.</summary>
    public ReadOnlySpan<byte> ChallengeHex { get; }

    /// <summary>The "V=" value, 0 when absent.</summary>
    public int Version { get; }

    /// <summary>The text after "M=", empty when absent.</summary>
    public ReadOnlySpan<byte> Message { get; }

    /// <summary>Decodes the 16-byte challenge; false when the message has none.</summary>
    public bool TryGetChallenge(Span<byte> destination) =>
        !ChallengeHex.IsEmpty && destination.Length >= EapMsChapV2.ChallengeLength
        && EapHex.TryDecode(ChallengeHex, destination[..EapMsChapV2.ChallengeLength]);

    /// <summary>Parses the message; false on an unknown key, a malformed value, or no E=.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out EapMsChapV2FailureMessage failure)
    {
        failure = default;
        int? errorCode = null;
        var retry = false;
        var version = 0;
        ReadOnlySpan<byte> challengeHex = default;
        ReadOnlySpan<byte> message = default;
        Span<byte> scratch = stackalloc byte[EapMsChapV2.ChallengeLength];
        var rest = text;
        while (!rest.IsEmpty)
        {
            if (rest.Length < 2 || rest[1] != (byte)'=')
            {
                return false;
            }

            var key = rest[0];
            if (key == (byte)'M')
            {
                message = rest[2..];
                break;
            }

            // The value runs from after "k=" to the next space; a space as the key itself must not end it early.
            var tail = rest[2..];
            var end = tail.IndexOf((byte)' ');
            var value = end < 0 ? tail : tail[..end];
            rest = end < 0 ? [] : tail[(end + 1)..];
            switch (key)
            {
                case (byte)'E' when TryParseNumber(value, out var code):
                    errorCode = code;
                    break;
                case (byte)'R' when value.Length == 1 && value[0] is (byte)'0' or (byte)'1':
                    retry = value[0] == (byte)'1';
                    break;
                case (byte)'C' when EapHex.TryDecode(value, scratch):
                    challengeHex = value;
                    break;
                case (byte)'V' when TryParseNumber(value, out var parsedVersion):
                    version = parsedVersion;
                    break;
                default:
                    return false;
            }
        }

        if (errorCode is not { } error)
        {
            return false;
        }

        failure = new EapMsChapV2FailureMessage(error, retry, challengeHex, version, message);
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> digits, out int value) =>
        Utf8Parser.TryParse(digits, out value, out var consumed) && consumed == digits.Length && value >= 0 && digits[0] != (byte)'-' && digits[0] != (byte)'+';
}
