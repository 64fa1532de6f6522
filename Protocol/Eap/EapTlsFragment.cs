namespace Orleans.Radius.Protocol.Eap;

/// <summary>Where one outgoing fragment sits in a TLS message and which flags it carries.</summary>
public readonly record struct EapTlsFragment(int Offset, int Length, bool IncludesLength, bool MoreFragments)
{
    /// <summary>Offset of the next fragment (the message length after the last one).</summary>
    public int End => Offset + Length;

    /// <summary>L and M as this fragment carries them.</summary>
    public EapTlsFlags Flags =>
        (IncludesLength ? EapTlsFlags.LengthIncluded : EapTlsFlags.None) | (MoreFragments ? EapTlsFlags.MoreFragments : EapTlsFlags.None);
}
