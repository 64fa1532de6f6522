namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// Splits an outgoing TLS message into EAP-TLS/TTLS/PEAP fragments (RFC 5216 §2.1.5): L and the total length on
/// the first fragment of a fragmented message, M on every fragment but the last. Stateless: the caller keeps
/// the offset of the next fragment between round trips.
/// </summary>
public sealed class EapTlsFragmenter
{
    /// <summary>Largest data a single fragment can carry inside the 16-bit EAP Length.</summary>
    public const int MaxFragmentDataLimit = EapPacket.MaxLength - EapPacket.TypeHeaderLength - EapTlsPacket.FlagsLength - EapTlsPacket.MessageLengthFieldLength;

    /// <summary>
    /// Creates a fragmenter. <paramref name="alwaysIncludeLength"/> also sets L on a message that fits in one
    /// fragment (RFC 5216 makes it optional there; FreeRADIUS does it by default).
    /// </summary>
    public EapTlsFragmenter(int maxFragmentDataLength, bool alwaysIncludeLength = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFragmentDataLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFragmentDataLength, MaxFragmentDataLimit);
        MaxFragmentDataLength = maxFragmentDataLength;
        AlwaysIncludeLength = alwaysIncludeLength;
    }

    /// <summary>Most TLS bytes put in one fragment.</summary>
    public int MaxFragmentDataLength { get; }

    public bool AlwaysIncludeLength { get; }

    /// <summary>Size of the largest EAP packet this fragmenter writes.</summary>
    public int MaxPacketLength => EapPacket.TypeHeaderLength + EapTlsPacket.FlagsLength + EapTlsPacket.MessageLengthFieldLength + MaxFragmentDataLength;

    /// <summary>Number of fragments a message of <paramref name="messageLength"/> bytes needs.</summary>
    public int CountFragments(int messageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messageLength, 1);
        return (int)(((long)messageLength + MaxFragmentDataLength - 1) / MaxFragmentDataLength);
    }

    /// <summary>The fragment starting at <paramref name="offset"/> (0 for the first) of a non-empty message.</summary>
    public EapTlsFragment GetFragment(int messageLength, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messageLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, messageLength);
        var length = Math.Min(MaxFragmentDataLength, messageLength - offset);
        var more = offset + length < messageLength;
        var includesLength = offset == 0 && (more || AlwaysIncludeLength);
        return new EapTlsFragment(offset, length, includesLength, more);
    }

    /// <summary>
    /// Writes the fragment of <paramref name="message"/> starting at <paramref name="offset"/> as a whole EAP
    /// packet and returns where the next fragment starts (<c>message.Length</c> after the last).
    /// </summary>
    public bool TryWriteFragment(Span<byte> destination, EapCode code, byte identifier, EapType type, byte version, ReadOnlySpan<byte> message, int offset, out int bytesWritten, out int nextOffset)
    {
        var fragment = GetFragment(message.Length, offset);
        uint? messageLength = fragment.IncludesLength ? (uint)message.Length : null;
        var flags = fragment.MoreFragments ? EapTlsFlags.MoreFragments : EapTlsFlags.None;
        if (!EapTlsPacketWriter.TryWrite(destination, code, identifier, type, flags, version, messageLength, message.Slice(fragment.Offset, fragment.Length), out bytesWritten))
        {
            nextOffset = offset;
            return false;
        }

        nextOffset = fragment.End;
        return true;
    }
}
