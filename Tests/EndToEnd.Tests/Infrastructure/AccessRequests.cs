using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>Access-Requests built byte by byte with the protocol library, for tests that need exact control of the wire.</summary>
internal static class AccessRequests
{
    /// <summary>A PAP Access-Request with a random Request Authenticator, signed with Message-Authenticator first unless told otherwise.</summary>
    public static byte[] Pap(byte identifier, string user, string password, string secret = ClusterConfigFile.Secret, bool messageAuthenticator = true)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        Span<byte> authenticator = stackalloc byte[RadiusPacket.AuthenticatorLength];
        RandomNumberGenerator.Fill(authenticator);
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, identifier, authenticator);
        if (messageAuthenticator)
        {
            Require(writer.TryWriteMessageAuthenticatorPlaceholder());
        }

        Require(writer.TryWriteAttribute(RadiusAttributeType.UserName, Encoding.UTF8.GetBytes(user)));
        Span<byte> hidden = stackalloc byte[UserPasswordCipher.MaxPasswordLength];
        Require(UserPasswordCipher.TryHide(Encoding.UTF8.GetBytes(password), secretBytes, authenticator, hidden, out var hiddenLength));
        Require(writer.TryWriteAttribute(RadiusAttributeType.UserPassword, hidden[..hiddenLength]));
        Require(writer.TryWriteUInt32(RadiusAttributeType.NasPort, 0));
        var packet = writer.Complete();
        RadiusSigner.SignAccessRequest(packet, secretBytes);
        return packet.ToArray();
    }

    /// <summary>True when <paramref name="reply"/> is a correctly signed answer to <paramref name="request"/> (Response Authenticator).</summary>
    public static bool IsSignedReplyTo(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> request, string secret = ClusterConfigFile.Secret) =>
        reply.Length >= RadiusPacket.HeaderLength
        && reply[RadiusPacket.IdentifierOffset] == request[RadiusPacket.IdentifierOffset]
        && RadiusSigner.VerifyResponseAuthenticator(
            reply, request.Slice(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), Encoding.UTF8.GetBytes(secret));

    public static RadiusCode CodeOf(ReadOnlySpan<byte> reply) => (RadiusCode)reply[RadiusPacket.CodeOffset];

    private static void Require(bool written)
    {
        if (!written)
        {
            throw new InvalidOperationException("the test request does not fit a RADIUS packet");
        }
    }
}
