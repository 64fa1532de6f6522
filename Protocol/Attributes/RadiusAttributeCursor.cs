namespace Orleans.Radius.Protocol.Attributes;

/// <summary>Bounds-checked read of one type-length-value attribute from a run that may not have been validated.</summary>
internal static class RadiusAttributeCursor
{
    public static bool TryRead(ReadOnlySpan<byte> attributes, int offset, out byte type, out ReadOnlySpan<byte> value)
    {
        type = 0;
        value = default;
        if (offset < 0 || attributes.Length - offset < 2)
        {
            return false;
        }

        int length = attributes[offset + 1];
        if (length < 2 || length > attributes.Length - offset)
        {
            return false;
        }

        type = attributes[offset];
        value = attributes.Slice(offset + 2, length - 2);
        return true;
    }
}
