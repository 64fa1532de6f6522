using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>Hides and reveals the User-Password attribute value (RFC 2865 §5.2).</summary>
public static class UserPasswordCipher
{
    /// <summary>Longest password RFC 2865 §5.2 allows.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>Shortest hidden value: one block, even for an empty password.</summary>
    public const int MinHiddenLength = RadiusMd5Cipher.BlockLength;

    /// <summary>Size of the hidden value for a password of <paramref name="passwordLength"/> bytes.</summary>
    public static int GetHiddenLength(int passwordLength) =>
        Math.Max(MinHiddenLength, (passwordLength + RadiusMd5Cipher.BlockLength - 1) / RadiusMd5Cipher.BlockLength * RadiusMd5Cipher.BlockLength);

    /// <summary>
    /// Pads the password with NULs to a multiple of 16 bytes and hides it with the secret and the
    /// Access-Request's authenticator. False when the password is over 128 bytes, the secret or
    /// authenticator is unusable, or <paramref name="destination"/> is too small.
    /// </summary>
    public static bool TryHide(ReadOnlySpan<byte> password, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written)
    {
        written = 0;
        if (password.Length > MaxPasswordLength || !RadiusMd5Cipher.IsUsable(secret, requestAuthenticator))
        {
            return false;
        }

        var length = GetHiddenLength(password.Length);
        if (destination.Length < length)
        {
            return false;
        }

        var output = destination[..length];
        password.CopyTo(output);
        output[password.Length..].Clear();
        RadiusMd5Cipher.Encrypt(secret, requestAuthenticator, output);
        written = length;
        return true;
    }

    /// <summary>
    /// Reveals a hidden User-Password value and strips its trailing NUL padding. False when the value
    /// is not 16–128 bytes in steps of 16, the secret or authenticator is unusable, or
    /// <paramref name="destination"/> cannot hold the password.
    /// </summary>
    public static bool TryReveal(ReadOnlySpan<byte> hidden, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written)
    {
        written = 0;

        // Length comes from the wire: RFC 2865 §5.2 bounds it, and the stack buffer relies on that bound.
        if (hidden.Length is < MinHiddenLength or > MaxPasswordLength
            || hidden.Length % RadiusMd5Cipher.BlockLength != 0
            || !RadiusMd5Cipher.IsUsable(secret, requestAuthenticator))
        {
            return false;
        }

        Span<byte> plain = stackalloc byte[MaxPasswordLength];
        plain = plain[..hidden.Length];
        hidden.CopyTo(plain);
        RadiusMd5Cipher.Decrypt(secret, requestAuthenticator, plain);
        var length = plain.TrimEnd((byte)0).Length;
        var fits = destination.Length >= length;
        if (fits)
        {
            plain[..length].CopyTo(destination);
            written = length;
        }

        CryptographicOperations.ZeroMemory(plain);
        return fits;
    }
}
