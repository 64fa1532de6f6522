using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>One attribute of an Accounting-Request, already in wire form.</summary>
internal readonly record struct AcctAttribute(RadiusAttributeType Type, byte[] Value)
{
    public static AcctAttribute Integer(RadiusAttributeType type, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new AcctAttribute(type, bytes);
    }

    public static AcctAttribute Text(RadiusAttributeType type, string value) => new(type, Encoding.UTF8.GetBytes(value));

    public static AcctAttribute Address(RadiusAttributeType type, string value) => new(type, IPAddress.Parse(value).GetAddressBytes());

    public static AcctAttribute Status(AcctStatus status) => Integer(RadiusAttributeType.AcctStatusType, (uint)status);

    public static AcctAttribute Session(string sessionId) => Text(RadiusAttributeType.AcctSessionId, sessionId);

    public static AcctAttribute User(string userName) => Text(RadiusAttributeType.UserName, userName);
}

/// <summary>Acct-Status-Type values (RFC 2866 §5.1).</summary>
internal enum AcctStatus : uint
{
    Start = 1,
    Stop = 2,
    InterimUpdate = 3,
    AccountingOn = 7,
}

/// <summary>
/// Accounting-Requests built and signed with the protocol library, as a NAS sends them, and the session ids
/// that keep each test's records apart in the shared stream.
/// </summary>
/// <remarks>
/// Not radclient: FreeRADIUS's clients check an Accounting-Response's Message-Authenticator over a zeroed
/// authenticator field and drop the gateway's replies (signed over the Request Authenticator) as forged.
/// Here the reply is checked the way RFC 2866 §3 requires of every NAS: its Response Authenticator.
/// </remarks>
internal static class AcctRequests
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(5);

    /// <summary>A session id no other test uses.</summary>
    public static string NewSessionId(string prefix) => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>An Accounting-Request with its Request Authenticator computed (RFC 2866 §3).</summary>
    public static byte[] Build(byte identifier, IEnumerable<AcctAttribute> attributes, string secret = ClusterConfigFile.Secret)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccountingRequest, identifier, default);
        foreach (var attribute in attributes)
        {
            if (!writer.TryWriteAttribute(attribute.Type, attribute.Value))
            {
                throw new InvalidOperationException("the test request does not fit a RADIUS packet");
            }
        }

        var packet = writer.Complete();
        RadiusSigner.SignComputedRequest(packet, Encoding.UTF8.GetBytes(secret));
        return packet.ToArray();
    }

    /// <summary>True when <paramref name="reply"/> is an Accounting-Response correctly signed for <paramref name="request"/>.</summary>
    public static bool IsResponseTo(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> request) =>
        AccessRequests.IsSignedReplyTo(reply, request) && AccessRequests.CodeOf(reply) == RadiusCode.AccountingResponse;

    /// <summary>Sends one Accounting-Request (a fresh Identifier and authenticator) and asserts it was answered.</summary>
    public static async Task SendAsync(RadiusNode gateway, Func<string> context, params AcctAttribute[] attributes)
    {
        using var nas = new UdpExchange();
        var request = Build((byte)RandomNumberGenerator.GetInt32(256), attributes);
        var reply = await nas.SendAsync(request, new IPEndPoint(IPAddress.Loopback, gateway.AcctPort), ReplyWait);
        Assert.True(reply is not null, $"no Accounting-Response from {gateway.Name} within {ReplyWait}\n{context()}");
        Assert.True(IsResponseTo(reply, request), $"{gateway.Name} answered with code {AccessRequests.CodeOf(reply)} or a bad Response Authenticator");
    }
}
