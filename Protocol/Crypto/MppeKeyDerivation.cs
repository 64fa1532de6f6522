using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// MPPE key derivation from MS-CHAP credentials (RFC 3079 §2.3 and §3), and the MS-MPPE-Send-Key /
/// MS-MPPE-Recv-Key a RADIUS server returns after MS-CHAPv2 (RFC 2548 §2.4.2–2.4.3).
/// </summary>
public static class MppeKeyDerivation
{
    /// <summary>Size of the master key and of 128-bit session keys.</summary>
    public const int KeyLength = 16;

    /// <summary>Size of 40- and 56-bit session keys.</summary>
    public const int ShortKeyLength = 8;

    private const int Sha1Length = 20;
    private const int PadLength = 40;
    private const int MagicLength = 84;

    // RFC 3079 §3.4 "Magic" constants.
    private static ReadOnlySpan<byte> MasterKeyMagic => "This is the MPPE Master Key"u8;

    private static ReadOnlySpan<byte> ClientSendMagic => "On the client side, this is the send key; on the server side, it is the receive key."u8;

    private static ReadOnlySpan<byte> ClientReceiveMagic => "On the client side, this is the receive key; on the server side, it is the send key."u8;

    /// <summary>GetMasterKey (RFC 3079 §3.4): the first 16 bytes of SHA-1(PasswordHashHash ‖ NT-Response ‖ Magic1).</summary>
    public static void GetMasterKey(ReadOnlySpan<byte> ntHashHash, ReadOnlySpan<byte> ntResponse, Span<byte> masterKey)
    {
        CryptoArguments.RequireLength(ntHashHash, NtPasswordHash.Length, nameof(ntHashHash));
        CryptoArguments.RequireLength(ntResponse, MsChapV2.NtResponseLength, nameof(ntResponse));
        CryptoArguments.RequireSpace(masterKey, KeyLength, nameof(masterKey));

        Span<byte> input = stackalloc byte[NtPasswordHash.Length + MsChapV2.NtResponseLength + MasterKeyMagic.Length];
        ntHashHash.CopyTo(input);
        ntResponse.CopyTo(input[NtPasswordHash.Length..]);
        MasterKeyMagic.CopyTo(input[(NtPasswordHash.Length + MsChapV2.NtResponseLength)..]);
        Span<byte> digest = stackalloc byte[Sha1Length];
        SHA1.HashData(input, digest);
        digest[..KeyLength].CopyTo(masterKey);
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(digest);
    }

    /// <summary>
    /// GetAsymmetricStartKey (RFC 3079 §3.4): the master send or receive key, as seen from the side named by
    /// <paramref name="isServer"/>, of <paramref name="sessionKey"/>'s length (8 to 16 bytes).
    /// </summary>
    public static void GetAsymmetricStartKey(ReadOnlySpan<byte> masterKey, Span<byte> sessionKey, bool isSend, bool isServer)
    {
        CryptoArguments.RequireLength(masterKey, KeyLength, nameof(masterKey));
        if (sessionKey.Length is < ShortKeyLength or > KeyLength)
        {
            throw new ArgumentException("A session key is 8 to 16 bytes.", nameof(sessionKey));
        }

        // The server's send key is the client's receive key and the other way round.
        var magic = isSend == isServer ? ClientReceiveMagic : ClientSendMagic;
        Span<byte> input = stackalloc byte[KeyLength + PadLength + MagicLength + PadLength];
        masterKey.CopyTo(input);
        input.Slice(KeyLength, PadLength).Clear();
        magic.CopyTo(input[(KeyLength + PadLength)..]);
        input[(KeyLength + PadLength + MagicLength)..].Fill(0xF2);
        Span<byte> digest = stackalloc byte[Sha1Length];
        SHA1.HashData(input, digest);
        digest[..sessionKey.Length].CopyTo(sessionKey);
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(digest);
    }

    /// <summary>
    /// GetNewKeyFromSHA (RFC 3078 §7.3), which is also Get_Key of RFC 3079 §2.4: SHA-1(start key ‖ pad1 ‖
    /// session key ‖ pad2), truncated to the keys' length (8 or 16 bytes).
    /// </summary>
    public static void GetNewKeyFromSha(ReadOnlySpan<byte> startKey, ReadOnlySpan<byte> sessionKey, Span<byte> newKey)
    {
        var length = startKey.Length;
        if (length is not (ShortKeyLength or KeyLength) || sessionKey.Length != length)
        {
            throw new ArgumentException("Keys are both 8 or both 16 bytes.", nameof(sessionKey));
        }

        CryptoArguments.RequireSpace(newKey, length, nameof(newKey));
        Span<byte> input = stackalloc byte[(2 * KeyLength) + (2 * PadLength)];
        input = input[..((2 * length) + (2 * PadLength))];
        startKey.CopyTo(input);
        input.Slice(length, PadLength).Clear();
        sessionKey.CopyTo(input[(length + PadLength)..]);
        input[((2 * length) + PadLength)..].Fill(0xF2);
        Span<byte> digest = stackalloc byte[Sha1Length];
        SHA1.HashData(input, digest);
        digest[..length].CopyTo(newKey);
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(digest);
    }

    /// <summary>
    /// The 128-bit MPPE key after MS-CHAPv1 (RFC 3079 §2.3): Get_Start_Key = SHA-1(hash-hash ‖ hash-hash ‖
    /// challenge), then Get_Key of it with itself.
    /// </summary>
    public static void GetMsChapV1Key(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> ntHashHash, Span<byte> sessionKey)
    {
        CryptoArguments.RequireLength(challenge, MsChapV1.ChallengeLength, nameof(challenge));
        CryptoArguments.RequireLength(ntHashHash, NtPasswordHash.Length, nameof(ntHashHash));
        CryptoArguments.RequireSpace(sessionKey, KeyLength, nameof(sessionKey));

        Span<byte> input = stackalloc byte[(2 * NtPasswordHash.Length) + MsChapV1.ChallengeLength];
        ntHashHash.CopyTo(input);
        ntHashHash.CopyTo(input[NtPasswordHash.Length..]);
        challenge.CopyTo(input[(2 * NtPasswordHash.Length)..]);
        Span<byte> digest = stackalloc byte[Sha1Length];
        SHA1.HashData(input, digest);
        var startKey = digest[..KeyLength];
        GetNewKeyFromSha(startKey, startKey, sessionKey);
        CryptographicOperations.ZeroMemory(digest);
    }

    /// <summary>
    /// The MS-MPPE-Send-Key and MS-MPPE-Recv-Key values (before salt encryption) a RADIUS server returns in the
    /// Access-Accept after MS-CHAPv2: the server side's 128-bit master send and receive keys (RFC 3079 §3.3).
    /// </summary>
    public static void GetMsChapV2ServerKeys(ReadOnlySpan<byte> ntHash, ReadOnlySpan<byte> ntResponse, Span<byte> sendKey, Span<byte> receiveKey)
    {
        CryptoArguments.RequireLength(ntHash, NtPasswordHash.Length, nameof(ntHash));
        CryptoArguments.RequireSpace(sendKey, KeyLength, nameof(sendKey));
        CryptoArguments.RequireSpace(receiveKey, KeyLength, nameof(receiveKey));

        Span<byte> hashHash = stackalloc byte[NtPasswordHash.Length];
        Md4.HashData(ntHash, hashHash);
        Span<byte> masterKey = stackalloc byte[KeyLength];
        GetMasterKey(hashHash, ntResponse, masterKey);
        GetAsymmetricStartKey(masterKey, sendKey[..KeyLength], isSend: true, isServer: true);
        GetAsymmetricStartKey(masterKey, receiveKey[..KeyLength], isSend: false, isServer: true);
        CryptographicOperations.ZeroMemory(hashHash);
        CryptographicOperations.ZeroMemory(masterKey);
    }
}
