using System.Security.Cryptography;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>MS-CHAP version 1 (RFC 2433) as a RADIUS server checks it (RFC 2548 §2.1), NT-Response only.</summary>
/// <remarks>
/// The LM-Response (Flags = 0) is not supported: the LAN Manager hash is broken beyond use, and every
/// client since Windows NT 4 sends the NT-Response.
/// </remarks>
public static class MsChapV1
{
    /// <summary>Size of the MS-CHAP-Challenge value for version 1.</summary>
    public const int ChallengeLength = MsChapDes.ChallengeLength;

    public const int ResponseLength = MsChapDes.ResponseLength;

    /// <summary>Plaintext size of MS-CHAP-MPPE-Keys: LM-Key(8) ‖ NT-Key(16) ‖ padding(8) (RFC 2548 §2.4.1).</summary>
    public const int MppeKeysLength = 32;

    /// <summary>ChallengeResponse (RFC 2433 A.7): three DES encryptions of the challenge keyed by the zero-padded hash.</summary>
    public static void ChallengeResponse(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> passwordHash, Span<byte> response)
    {
        CryptoArguments.RequireLength(challenge, ChallengeLength, nameof(challenge));
        CryptoArguments.RequireLength(passwordHash, NtPasswordHash.Length, nameof(passwordHash));
        CryptoArguments.RequireSpace(response, ResponseLength, nameof(response));
        MsChapDes.ChallengeResponse(challenge, passwordHash, response);
    }

    /// <summary>NtChallengeResponse (RFC 2433 A.5) from the NT hash.</summary>
    public static void NtChallengeResponse(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> ntHash, Span<byte> response) =>
        ChallengeResponse(challenge, ntHash, response);

    /// <summary>
    /// Checks an MS-CHAP-Response against the user's NT hash and the MS-CHAP-Challenge, in constant time.
    /// False when the response does not ask for NT-Response checking (Flags ≠ 1) or any length is wrong.
    /// </summary>
    public static bool VerifyResponse(in MsChapResponse response, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> ntHash)
    {
        if (response.Value.Length != MsChapResponse.ValueLength
            || response.Flags != MsChapResponse.UseNtResponse
            || challenge.Length != ChallengeLength || ntHash.Length != NtPasswordHash.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[ResponseLength];
        MsChapDes.ChallengeResponse(challenge, ntHash, expected);
        return CryptographicOperations.FixedTimeEquals(expected, response.NtResponse);
    }

    /// <summary>Parses an MS-CHAP-Response vendor value and checks it; false for a malformed value.</summary>
    public static bool VerifyResponse(ReadOnlySpan<byte> responseValue, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> ntHash) =>
        MsChapResponse.TryParse(responseValue, out var response) && VerifyResponse(response, challenge, ntHash);

    /// <summary>
    /// Writes the encrypted MS-CHAP-MPPE-Keys value (RFC 2548 §2.4.1) for an Access-Accept: a zero LM-Key
    /// (LM is not supported), the NT-Key, zero padding, hidden as User-Password is with the request's authenticator.
    /// </summary>
    /// <remarks>
    /// Pass the NT hash's hash (MD4 of the NT hash) as <paramref name="ntKey"/>: RFC 3079 §2.3 derives the
    /// 128-bit MPPE keys from it, and that is what NASes expect, whatever RFC 2548's wording suggests.
    /// </remarks>
    public static bool TryEncryptMppeKeys(ReadOnlySpan<byte> ntKey, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination, out int written)
    {
        written = 0;
        if (ntKey.Length != NtPasswordHash.Length || destination.Length < MppeKeysLength || !RadiusMd5Cipher.IsUsable(secret, requestAuthenticator))
        {
            return false;
        }

        var output = destination[..MppeKeysLength];
        output.Clear();
        ntKey.CopyTo(output[8..]);
        RadiusMd5Cipher.Encrypt(secret, requestAuthenticator, output);
        written = MppeKeysLength;
        return true;
    }
}
