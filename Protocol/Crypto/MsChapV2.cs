using System.Security.Cryptography;
using System.Text;

namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// MS-CHAP version 2 (RFC 2759 §8) as a RADIUS server runs it (RFC 2548 §2.3): checking MS-CHAP2-Response
/// and building MS-CHAP2-Success. Every function takes the user's NT hash, so users can be configured by hash.
/// </summary>
public static class MsChapV2
{
    /// <summary>Size of the MS-CHAP-Challenge (authenticator challenge) and of the peer challenge.</summary>
    public const int ChallengeLength = 16;

    public const int NtResponseLength = MsChapDes.ResponseLength;

    /// <summary>Size of "S=" and 40 hex digits.</summary>
    public const int AuthenticatorResponseLength = 42;

    /// <summary>Size of the MS-CHAP2-Success vendor value: Ident ‖ "S=…".</summary>
    public const int SuccessValueLength = 1 + AuthenticatorResponseLength;

    /// <summary>Longest user name RFC 2759 hashes ("0-to-256-char").</summary>
    public const int MaxUserNameLength = 256;

    private const int HashedChallengeLength = MsChapDes.ChallengeLength;
    private const int Sha1Length = 20;

    // RFC 2759 §8.7 "Magic" constants.
    private static ReadOnlySpan<byte> Magic1 => "Magic server to client signing constant"u8;

    private static ReadOnlySpan<byte> Magic2 => "Pad to make it do more than one iteration"u8;

    /// <summary>
    /// The user name ChallengeHash uses: RFC 2759 §8.2 hashes the name "excluding any prepended domain name",
    /// so "DOMAIN\user" becomes "user".
    /// </summary>
    public static ReadOnlySpan<byte> GetUserNameForChallenge(ReadOnlySpan<byte> userName)
    {
        var backslash = userName.LastIndexOf((byte)'\\');
        return backslash < 0 ? userName : userName[(backslash + 1)..];
    }

    /// <summary>ChallengeHash (RFC 2759 §8.2): the first 8 bytes of SHA-1(peer challenge ‖ authenticator challenge ‖ user name).</summary>
    public static void ChallengeHash(ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, Span<byte> challenge)
    {
        CryptoArguments.RequireLength(peerChallenge, ChallengeLength, nameof(peerChallenge));
        CryptoArguments.RequireLength(authenticatorChallenge, ChallengeLength, nameof(authenticatorChallenge));
        CryptoArguments.RequireSpace(challenge, HashedChallengeLength, nameof(challenge));
        if (userName.Length > MaxUserNameLength)
        {
            throw new ArgumentException($"A user name is at most {MaxUserNameLength} bytes.", nameof(userName));
        }

        Span<byte> input = stackalloc byte[(2 * ChallengeLength) + MaxUserNameLength];
        peerChallenge.CopyTo(input);
        authenticatorChallenge.CopyTo(input[ChallengeLength..]);
        userName.CopyTo(input[(2 * ChallengeLength)..]);
        Span<byte> digest = stackalloc byte[Sha1Length];
        SHA1.HashData(input[..((2 * ChallengeLength) + userName.Length)], digest);
        digest[..HashedChallengeLength].CopyTo(challenge);
    }

    /// <summary>GenerateNTResponse (RFC 2759 §8.1), from the NT hash rather than the password.</summary>
    public static void GenerateNtResponse(ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> userName, ReadOnlySpan<byte> ntHash, Span<byte> response)
    {
        CryptoArguments.RequireLength(ntHash, NtPasswordHash.Length, nameof(ntHash));
        CryptoArguments.RequireSpace(response, NtResponseLength, nameof(response));
        Span<byte> challenge = stackalloc byte[HashedChallengeLength];
        ChallengeHash(peerChallenge, authenticatorChallenge, userName, challenge);
        MsChapDes.ChallengeResponse(challenge, ntHash, response);
    }

    /// <summary>
    /// GenerateAuthenticatorResponse (RFC 2759 §8.7): writes the 42 ASCII bytes "S=" and 40 upper-case hex
    /// digits into <paramref name="destination"/>.
    /// </summary>
    public static void GenerateAuthenticatorResponse(ReadOnlySpan<byte> ntHash, ReadOnlySpan<byte> ntResponse, ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, Span<byte> destination)
    {
        CryptoArguments.RequireLength(ntHash, NtPasswordHash.Length, nameof(ntHash));
        CryptoArguments.RequireLength(ntResponse, NtResponseLength, nameof(ntResponse));
        CryptoArguments.RequireSpace(destination, AuthenticatorResponseLength, nameof(destination));

        Span<byte> input = stackalloc byte[NtPasswordHash.Length + NtResponseLength + Magic1.Length];
        Span<byte> digest = stackalloc byte[Sha1Length];

        // SHA-1(PasswordHashHash ‖ NT-Response ‖ Magic1), the larger of the two inputs sharing this buffer;
        // the hash-hash goes straight into it.
        Md4.HashData(ntHash, input);
        ntResponse.CopyTo(input[NtPasswordHash.Length..]);
        Magic1.CopyTo(input[(NtPasswordHash.Length + NtResponseLength)..]);
        SHA1.HashData(input[..(NtPasswordHash.Length + NtResponseLength + Magic1.Length)], digest);

        // SHA-1(Digest ‖ Challenge ‖ Magic2)
        digest.CopyTo(input);
        ChallengeHash(peerChallenge, authenticatorChallenge, userName, input[Sha1Length..]);
        Magic2.CopyTo(input[(Sha1Length + HashedChallengeLength)..]);
        SHA1.HashData(input[..(Sha1Length + HashedChallengeLength + Magic2.Length)], digest);
        CryptographicOperations.ZeroMemory(input);

        destination[0] = (byte)'S';
        destination[1] = (byte)'=';
        Convert.TryToHexString(digest, destination[2..AuthenticatorResponseLength], out _);
    }

    /// <summary>
    /// CheckAuthenticatorResponse (RFC 2759 §8.8), the peer's check of the server: true when
    /// <paramref name="received"/> is the expected "S=…" string (hex digits in either case), compared in constant time.
    /// </summary>
    public static bool CheckAuthenticatorResponse(ReadOnlySpan<byte> ntHash, ReadOnlySpan<byte> ntResponse, ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, ReadOnlySpan<byte> received)
    {
        if (received.Length != AuthenticatorResponseLength || !AreUsable(ntHash, ntResponse, peerChallenge, authenticatorChallenge, userName))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[AuthenticatorResponseLength];
        GenerateAuthenticatorResponse(ntHash, ntResponse, peerChallenge, authenticatorChallenge, userName, expected);

        // The received string is public; only the comparison with the expected one must be constant-time.
        Span<byte> normalized = stackalloc byte[AuthenticatorResponseLength];
        Ascii.ToUpper(received, normalized, out _);
        return CryptographicOperations.FixedTimeEquals(expected, normalized);
    }

    /// <summary>
    /// Checks the NT-Response of an MS-CHAP2-Response against the user's NT hash, the MS-CHAP-Challenge and
    /// the User-Name (domain prefix stripped by <see cref="GetUserNameForChallenge"/>), in constant time.
    /// False for any wrong length.
    /// </summary>
    public static bool VerifyResponse(in MsChap2Response response, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, ReadOnlySpan<byte> ntHash)
        => response.Value.Length == MsChap2Response.ValueLength
            && VerifyResponse(response.PeerChallenge, response.NtResponse, authenticatorChallenge, userName, ntHash);

    /// <summary>
    /// Checks an NT-Response given with its Peer-Challenge (as EAP-MSCHAPv2 and TTLS carry them) against the
    /// user's NT hash, the authenticator challenge and the user name, in constant time. False for any wrong length.
    /// </summary>
    public static bool VerifyResponse(ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> ntResponse, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, ReadOnlySpan<byte> ntHash)
    {
        if (!AreUsable(ntHash, ntResponse, peerChallenge, authenticatorChallenge, userName))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[NtResponseLength];
        GenerateNtResponse(authenticatorChallenge, peerChallenge, GetUserNameForChallenge(userName), ntHash, expected);
        return CryptographicOperations.FixedTimeEquals(expected, ntResponse);
    }

    /// <summary>Parses an MS-CHAP2-Response vendor value and checks it; false for a malformed value.</summary>
    public static bool VerifyResponse(ReadOnlySpan<byte> responseValue, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, ReadOnlySpan<byte> ntHash) =>
        MsChap2Response.TryParse(responseValue, out var response) && VerifyResponse(response, authenticatorChallenge, userName, ntHash);

    /// <summary>
    /// Writes the MS-CHAP2-Success vendor value (RFC 2548 §2.3.3), Ident ‖ "S=…", for a response already
    /// verified. False for a wrong length or a destination under 43 bytes.
    /// </summary>
    public static bool TryWriteSuccess(in MsChap2Response response, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName, ReadOnlySpan<byte> ntHash, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < SuccessValueLength
            || response.Value.Length != MsChap2Response.ValueLength
            || !AreUsable(ntHash, response.NtResponse, response.PeerChallenge, authenticatorChallenge, userName))
        {
            return false;
        }

        destination[0] = response.Ident;
        GenerateAuthenticatorResponse(ntHash, response.NtResponse, response.PeerChallenge, authenticatorChallenge, GetUserNameForChallenge(userName), destination[1..]);
        written = SuccessValueLength;
        return true;
    }

    private static bool AreUsable(ReadOnlySpan<byte> ntHash, ReadOnlySpan<byte> ntResponse, ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> authenticatorChallenge, ReadOnlySpan<byte> userName) =>
        ntHash.Length == NtPasswordHash.Length
        && ntResponse.Length == NtResponseLength
        && peerChallenge.Length == ChallengeLength
        && authenticatorChallenge.Length == ChallengeLength
        && userName.Length <= MaxUserNameLength;
}
