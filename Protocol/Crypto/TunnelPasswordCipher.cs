namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// Hides and reveals the Tunnel-Password attribute value (RFC 2868 §3.5). The value handled here is the
/// whole attribute value: Tag(1) ‖ Salt(2) ‖ encrypted string.
/// </summary>
public static class TunnelPasswordCipher
{
    /// <summary>Largest tag RFC 2868 §3.1 gives a meaning; 0 means "no tunnel grouping".</summary>
    public const byte MaxTag = 0x1F;

    /// <summary>Longest tunnel password that fits in one attribute.</summary>
    public const int MaxPasswordLength = SaltEncryption.MaxDataLength;

    /// <summary>Size of the attribute value (tag included) for a password of the given length.</summary>
    public static int GetHiddenLength(int passwordLength) => 1 + SaltEncryption.GetEncryptedLength(passwordLength);

    /// <summary>
    /// Writes Tag ‖ Salt ‖ encrypted password. False for a tag over 0x1F, a salt without its high bit,
    /// a password over <see cref="MaxPasswordLength"/>, an unusable secret or authenticator, or a short destination.
    /// </summary>
    public static bool TryHide(ReadOnlySpan<byte> password, byte tag, ushort salt, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written)
    {
        written = 0;
        if (tag > MaxTag || destination.IsEmpty
            || !SaltEncryption.TryEncrypt(password, salt, secret, requestAuthenticator, destination[1..], out var encrypted))
        {
            return false;
        }

        destination[0] = tag;
        written = 1 + encrypted;
        return true;
    }

    /// <summary>As the overload taking a salt, with a random one.</summary>
    /// <remarks>Several salted attributes in one packet need distinct salts: use <see cref="RadiusSalt.FillDistinct"/>.</remarks>
    public static bool TryHide(ReadOnlySpan<byte> password, byte tag, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written) =>
        TryHide(password, tag, RadiusSalt.Random(), secret, requestAuthenticator, destination, out written);

    /// <summary>
    /// Reveals a Tunnel-Password value (tag first). The tag is returned as found; RFC 2868 says to ignore
    /// values over 0x1F rather than reject them. False for a malformed value or a short destination.
    /// </summary>
    public static bool TryReveal(ReadOnlySpan<byte> value, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, out byte tag, Span<byte> destination, out int written)
    {
        tag = 0;
        written = 0;
        if (value.IsEmpty || !SaltEncryption.TryDecrypt(value[1..], secret, requestAuthenticator, destination, out written))
        {
            return false;
        }

        tag = value[0];
        return true;
    }
}
