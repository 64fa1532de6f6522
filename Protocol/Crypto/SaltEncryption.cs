using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// The salted encryption of RFC 2868 §3.5 (Tunnel-Password) and RFC 2548 §2.4.2–2.4.3 (MS-MPPE-Send-Key,
/// MS-MPPE-Recv-Key): Salt(2) ‖ encrypt(Length(1) ‖ Data ‖ zero padding to a multiple of 16), keyed by the
/// shared secret, the Access-Request's authenticator and the salt.
/// </summary>
/// <remarks>
/// The value handled here starts at the salt: for an MS-MPPE key it is the whole vendor value, for a
/// Tunnel-Password it follows the tag byte (see <see cref="TunnelPasswordCipher"/>).
/// </remarks>
public static class SaltEncryption
{
    public const int SaltLength = 2;

    /// <summary>Longest encrypted string: 15 blocks, the most that fits in one attribute beside the salt.</summary>
    public const int MaxEncryptedStringLength = 240;

    /// <summary>Longest data: the encrypted string also carries the 1-byte Data-Length.</summary>
    public const int MaxDataLength = MaxEncryptedStringLength - 1;

    /// <summary>Size of the salt and encrypted string for <paramref name="dataLength"/> bytes of data.</summary>
    public static int GetEncryptedLength(int dataLength) =>
        SaltLength + ((dataLength + 1 + RadiusMd5Cipher.BlockLength - 1) / RadiusMd5Cipher.BlockLength * RadiusMd5Cipher.BlockLength);

    /// <summary>
    /// Writes Salt ‖ encrypted string for <paramref name="data"/> into <paramref name="destination"/>.
    /// False when the data is over <see cref="MaxDataLength"/> bytes, the salt lacks its high bit, the
    /// secret or authenticator is unusable, or the destination is too small.
    /// </summary>
    public static bool TryEncrypt(ReadOnlySpan<byte> data, ushort salt, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written)
    {
        written = 0;
        if (data.Length > MaxDataLength || !RadiusSalt.IsValid(salt) || !RadiusMd5Cipher.IsUsable(secret, requestAuthenticator))
        {
            return false;
        }

        var length = GetEncryptedLength(data.Length);
        if (destination.Length < length)
        {
            return false;
        }

        var output = destination[..length];
        BinaryPrimitives.WriteUInt16BigEndian(output, salt);
        var plain = output[SaltLength..];
        plain[0] = (byte)data.Length;
        data.CopyTo(plain[1..]);
        plain[(1 + data.Length)..].Clear();

        Span<byte> iv = stackalloc byte[RadiusMd5Cipher.MaxIvLength];
        requestAuthenticator.CopyTo(iv);
        output[..SaltLength].CopyTo(iv[RadiusMd5Cipher.BlockLength..]);
        RadiusMd5Cipher.Encrypt(secret, iv, plain);
        written = length;
        return true;
    }

    /// <summary>As <see cref="TryEncrypt(ReadOnlySpan{byte}, ushort, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte}, out int)"/> with a random salt.</summary>
    /// <remarks>Several salted attributes in one packet need distinct salts: use <see cref="RadiusSalt.FillDistinct"/>.</remarks>
    public static bool TryEncrypt(ReadOnlySpan<byte> data, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written) =>
        TryEncrypt(data, RadiusSalt.Random(), secret, requestAuthenticator, destination, out written);

    /// <summary>
    /// Decrypts Salt ‖ encrypted string into the data it carries. False when the value is malformed (salt
    /// without its high bit, string not 16–240 bytes in steps of 16, Data-Length past the string), the
    /// secret or authenticator is unusable, or <paramref name="destination"/> cannot hold the data.
    /// </summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> value, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written)
    {
        written = 0;

        // Length comes from the wire; the bound also sizes the stack buffer below.
        var stringLength = value.Length - SaltLength;
        if (stringLength is < RadiusMd5Cipher.BlockLength or > MaxEncryptedStringLength
            || stringLength % RadiusMd5Cipher.BlockLength != 0
            || !RadiusSalt.IsValid(BinaryPrimitives.ReadUInt16BigEndian(value))
            || !RadiusMd5Cipher.IsUsable(secret, requestAuthenticator))
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[RadiusMd5Cipher.MaxIvLength];
        requestAuthenticator.CopyTo(iv);
        value[..SaltLength].CopyTo(iv[RadiusMd5Cipher.BlockLength..]);

        Span<byte> plain = stackalloc byte[MaxEncryptedStringLength];
        plain = plain[..stringLength];
        value[SaltLength..].CopyTo(plain);
        RadiusMd5Cipher.Decrypt(secret, iv, plain);

        int dataLength = plain[0];
        var ok = dataLength <= stringLength - 1 && destination.Length >= dataLength;
        if (ok)
        {
            plain.Slice(1, dataLength).CopyTo(destination);
            written = dataLength;
        }

        CryptographicOperations.ZeroMemory(plain);
        return ok;
    }
}
