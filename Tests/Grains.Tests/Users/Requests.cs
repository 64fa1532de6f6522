using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>Builds the <see cref="AuthRequest"/>s a gateway would send, computing responses as a client would.</summary>
internal static class Requests
{
    private static readonly byte[] NasAddress = [192, 0, 2, 1];
    private static int _nextIdentifier;

    /// <summary>A request key no other test uses: a fresh identifier and a random authenticator.</summary>
    public static RequestKey NewKey() =>
        new(NasAddress, 50_000, (byte)Interlocked.Increment(ref _nextIdentifier), RandomNumberGenerator.GetBytes(16));

    /// <summary>The same (address, port, identifier) with a new Request Authenticator: a new request, not a retransmission.</summary>
    public static RequestKey Renewed(RequestKey key) => key with { Authenticator = RandomNumberGenerator.GetBytes(16) };

    public static AuthRequest Pap(string password, RequestKey? key = null) =>
        new(key ?? NewKey(), "nas", AuthMethod.Pap, Encoding.UTF8.GetBytes(password), null, null);

    /// <summary>CHAP-Password = Ident ‖ MD5(Ident ‖ password ‖ challenge) (RFC 2865 §5.3).</summary>
    public static AuthRequest Chap(string password, RequestKey? key = null)
    {
        const byte ident = 0x2A;
        var challenge = RandomNumberGenerator.GetBytes(16);
        var value = new byte[ChapPassword.ValueLength];
        value[0] = ident;
        ChapPassword.ComputeResponse(ident, Encoding.UTF8.GetBytes(password), challenge, value.AsSpan(1));
        return new(key ?? NewKey(), "nas", AuthMethod.Chap, null, challenge, value);
    }

    /// <summary>MS-CHAP-Response (RFC 2548 §2.1.3): Ident, Flags = 1, LM-Response 24 zero bytes, NT-Response 24.</summary>
    public static AuthRequest MsChap(string password, byte flags = 1)
    {
        var challenge = RandomNumberGenerator.GetBytes(MsChapV1.ChallengeLength);
        var value = new byte[50];
        value[0] = 0x11;
        value[1] = flags;
        MsChapV1.NtChallengeResponse(challenge, NtHash(password), value.AsSpan(26, 24));
        return new(NewKey(), "nas", AuthMethod.MsChapV1, null, challenge, value);
    }

    /// <summary>
    /// MS-CHAP2-Response (RFC 2548 §2.3.2): Ident, Flags, Peer-Challenge 16, Reserved 8, NT-Response 24, for
    /// <paramref name="userName"/> answering the authenticator challenge <paramref name="challenge"/>.
    /// </summary>
    public static AuthRequest MsChap2(string userName, string password, byte[] challenge, byte[] peerChallenge, byte ident = 0x22)
    {
        var value = new byte[50];
        value[0] = ident;
        peerChallenge.CopyTo(value.AsSpan(2));
        MsChapV2.GenerateNtResponse(challenge, peerChallenge, Encoding.UTF8.GetBytes(userName), NtHash(password), value.AsSpan(26, 24));
        return new(NewKey(), "nas", AuthMethod.MsChapV2, null, challenge, value);
    }

    public static byte[] NtHash(string password)
    {
        var hash = new byte[16];
        NtPasswordHash.Compute(password, hash);
        return hash;
    }

    public static string NtHashHex(string password) => Convert.ToHexString(NtHash(password));

    /// <summary>The value of the vendor attribute <paramref name="type"/> of <paramref name="vendorId"/> in <paramref name="attributes"/>.</summary>
    public static ReplyAttribute FindVendorAttribute(IReadOnlyList<ReplyAttribute> attributes, uint vendorId, byte type) =>
        Assert.Single(attributes, attribute => attribute.Encoded is [26, _, _, _, _, _, var vendorType, ..]
            && BinaryPrimitives.ReadUInt32BigEndian(attribute.Encoded.AsSpan(2)) == vendorId && vendorType == type);
}
