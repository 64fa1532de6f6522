using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// The MD5 keystream shared by User-Password (RFC 2865 §5.2), Tunnel-Password (RFC 2868 §3.5) and
/// MS-MPPE-Send/Recv-Key (RFC 2548 §2.4.2): b(1) = MD5(S ‖ IV), b(i) = MD5(S ‖ c(i-1)), c(i) = p(i) xor b(i).
/// </summary>
/// <remarks>
/// The IV is the Request Authenticator, followed by the salt for the salted variants. Buffers are whole
/// 16-byte blocks; everything lives on the stack and key-stream bytes are wiped before returning.
/// </remarks>
internal static class RadiusMd5Cipher
{
    public const int BlockLength = 16;

    /// <summary>Longest IV: Request Authenticator and a 2-byte salt.</summary>
    public const int MaxIvLength = 18;

    /// <summary>Encrypts <paramref name="buffer"/> (a multiple of 16 bytes) in place.</summary>
    public static void Encrypt(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> iv, Span<byte> buffer)
    {
        Span<byte> hashInput = stackalloc byte[RadiusSigner.MaxSecretLength + MaxIvLength];
        Span<byte> keyStream = stackalloc byte[BlockLength];
        secret.CopyTo(hashInput);
        var chainInput = iv;
        for (var offset = 0; offset < buffer.Length; offset += BlockLength)
        {
            chainInput.CopyTo(hashInput[secret.Length..]);
            Md5.HashData(hashInput[..(secret.Length + chainInput.Length)], keyStream);
            var block = buffer.Slice(offset, BlockLength);
            Xor(block, keyStream);
            chainInput = block;
        }

        CryptographicOperations.ZeroMemory(hashInput);
        CryptographicOperations.ZeroMemory(keyStream);
    }

    /// <summary>Decrypts <paramref name="buffer"/> (a multiple of 16 bytes) in place.</summary>
    public static void Decrypt(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> iv, Span<byte> buffer)
    {
        Span<byte> hashInput = stackalloc byte[RadiusSigner.MaxSecretLength + MaxIvLength];
        Span<byte> keyStream = stackalloc byte[BlockLength];
        secret.CopyTo(hashInput);
        iv.CopyTo(hashInput[secret.Length..]);
        var chainLength = iv.Length;
        for (var offset = 0; offset < buffer.Length; offset += BlockLength)
        {
            Md5.HashData(hashInput[..(secret.Length + chainLength)], keyStream);
            var block = buffer.Slice(offset, BlockLength);

            // The next key block hashes this ciphertext block, so keep it before decrypting over it.
            block.CopyTo(hashInput[secret.Length..]);
            chainLength = BlockLength;
            Xor(block, keyStream);
        }

        CryptographicOperations.ZeroMemory(hashInput);
        CryptographicOperations.ZeroMemory(keyStream);
    }

    /// <summary>True when the secret and IV fit the stack buffers and the secret is not empty.</summary>
    public static bool IsUsable(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator) =>
        secret.Length is > 0 and <= RadiusSigner.MaxSecretLength && requestAuthenticator.Length == BlockLength;

    private static void Xor(Span<byte> block, ReadOnlySpan<byte> keyStream)
    {
        for (var i = 0; i < BlockLength; i++)
        {
            block[i] ^= keyStream[i];
        }
    }
}
