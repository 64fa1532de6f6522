using System.Net;
using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Eap;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>A reply to one EAP round: the RADIUS code, the joined EAP packet, and the State of a challenge.</summary>
internal sealed record EapReply(RadiusCode Code, byte[] Eap, byte[]? State)
{
    public EapCode EapCode => (EapCode)Eap[EapPacket.CodeOffset];

    public byte EapIdentifier => Eap[EapPacket.IdentifierOffset];
}

/// <summary>
/// An EAP-MD5 peer and its NAS in one, built on the protocol library: each round is an Access-Request the
/// test addresses to a gateway of its choice, which eapol_test (one server per run) cannot do.
/// </summary>
internal sealed class EapMd5Peer(string identity, string password) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(4);
    private readonly UdpExchange _udp = new();
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(ClusterConfigFile.Secret);
    private byte[]? _state;
    private byte _radiusIdentifier;

    /// <summary>
    /// Round 1: EAP-Response/Identity, and a legacy Nak asking for EAP-MD5 when the server proposes another
    /// method; the answer should be an Access-Challenge carrying the EAP-MD5 Request.
    /// </summary>
    public async Task<EapReply?> SendIdentityAsync(IPEndPoint gateway)
    {
        _state = null;
        var identityBytes = Encoding.UTF8.GetBytes(identity);
        var packet = new byte[EapPacket.TypeHeaderLength + identityBytes.Length];
        EapPacketWriter.TryWriteIdentity(packet, EapCode.Response, 1, identityBytes, out _);
        var reply = await SendAsync(gateway, packet);
        if (reply is { Code: RadiusCode.AccessChallenge } && reply.Eap[EapPacket.TypeOffset] != (byte)EapType.Md5Challenge)
        {
            var nak = new byte[EapPacket.TypeHeaderLength + 1];
            EapNak.TryWrite(nak, reply.EapIdentifier, [EapType.Md5Challenge], out _);
            reply = await SendAsync(gateway, nak);
        }

        return reply;
    }

    /// <summary>Round 2: the answer to the EAP-MD5 Request in <paramref name="challenge"/>.</summary>
    public Task<EapReply?> AnswerAsync(IPEndPoint gateway, EapReply challenge)
    {
        EapPacketReader.TryParse(challenge.Eap, out var request);
        Assert.Equal(EapType.Md5Challenge, request.Type);
        Assert.Equal(EapParseError.None, EapMd5Challenge.TryRead(request.TypeData, out var value, out _));
        Span<byte> response = stackalloc byte[EapMd5Challenge.ResponseValueLength];
        EapMd5Challenge.ComputeResponse(request.Identifier, Encoding.UTF8.GetBytes(password), value, response);
        var packet = new byte[64];
        EapMd5Challenge.TryWrite(packet, EapCode.Response, request.Identifier, response, [], out var written);
        return SendAsync(gateway, packet[..written]);
    }

    /// <summary>A whole EAP-MD5 authentication through <paramref name="gateway"/>; the final reply.</summary>
    public async Task<EapReply?> AuthenticateAsync(IPEndPoint gateway)
    {
        var challenge = await SendIdentityAsync(gateway);
        return challenge is { Code: RadiusCode.AccessChallenge } ? await AnswerAsync(gateway, challenge) : challenge;
    }

    private async Task<EapReply?> SendAsync(IPEndPoint gateway, byte[] eap)
    {
        var identifier = _radiusIdentifier++;
        Span<byte> authenticator = stackalloc byte[RadiusPacket.AuthenticatorLength];
        RandomNumberGenerator.Fill(authenticator);
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, identifier, authenticator);
        Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.UserName, Encoding.UTF8.GetBytes(identity)));
        Assert.True(RadiusEapMessage.TryWrite(ref writer, eap));
        if (_state is not null)
        {
            Assert.True(writer.TryWriteAttribute(RadiusAttributeType.State, _state));
        }

        var request = writer.Complete().ToArray();
        RadiusSigner.SignAccessRequest(request, _secret);
        var reply = await _udp.SendAsync(request, gateway, Wait);
        if (reply is null)
        {
            return null;
        }

        Assert.True(AccessRequests.IsSignedReplyTo(reply, request), "the reply is not signed with the shared secret");
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(reply, out var reader));
        Assert.True(
            RadiusSigner.TryFindMessageAuthenticator(reply, out var offset)
            && RadiusSigner.VerifyMessageAuthenticator(reply, offset, request.AsSpan(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), _secret),
            "the reply has no valid Message-Authenticator");
        var joined = new byte[RadiusPacket.MaxLength];
        Assert.Equal(RadiusConcatError.None, RadiusEapMessage.TryJoin(reader, joined, out var length));
        _state = reader.TryGetAttribute(RadiusAttributeType.State, out var state) ? state.Value.ToArray() : null;
        return new EapReply(reader.Code, joined[..length], _state);
    }

    public void Dispose() => _udp.Dispose();
}
