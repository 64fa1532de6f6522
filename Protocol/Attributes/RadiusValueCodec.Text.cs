using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Orleans.Radius.Protocol.Attributes;

public static partial class RadiusValueCodec
{
    /// <summary>text (RFC 8044 §3.4): well-formed UTF-8, no terminator. An empty value decodes to "".</summary>
    public static bool TryDecodeText(ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? text)
    {
        text = Utf8.IsValid(value) ? Encoding.UTF8.GetString(value) : null;
        return text is not null;
    }

    /// <summary>
    /// Writes text as UTF-8. False for an empty string (RFC 2865 §5: text is 1–253 octets), for unpaired
    /// surrogates, and when the bytes do not fit <paramref name="destination"/>.
    /// </summary>
    public static bool TryEncodeText(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.IsEmpty
            || Utf8.FromUtf16(text, destination, out _, out var count, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        written = count;
        return true;
    }

    /// <summary>string / octets (RFC 8044 §3.5): opaque bytes. False when empty (RFC 2865 §5) or too long for the destination.</summary>
    public static bool TryEncodeOctets(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (value.IsEmpty || !value.TryCopyTo(destination))
        {
            return false;
        }

        written = value.Length;
        return true;
    }
}
