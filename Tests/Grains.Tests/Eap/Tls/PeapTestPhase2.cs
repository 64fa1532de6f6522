using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>The peer's side of PEAPv0 phase 2 (inner EAP-MSCHAPv2 with compressed headers, then the Result TLV).</summary>
internal sealed class PeapTestPhase2(string identity, string password)
{
    private readonly byte[] _peerChallenge = RandomNumberGenerator.GetBytes(16);
    private byte[] _authenticatorChallenge = [];
    private byte[] _ntResponse = [];

    /// <summary>True once the server proved it knows the password (a correct "S=" value).</summary>
    public bool ServerAuthenticated { get; private set; }

    public bool GotFailure { get; private set; }

    public byte[]? Handle(byte[] data)
    {
        if (data.Length == 0)
        {
            return null;
        }

        var name = Encoding.UTF8.GetBytes(identity);
        if (data is [(byte)EapType.Identity])
        {
            return [(byte)EapType.Identity, .. name];
        }

        if (data.Length > 5 && data[0] == (byte)EapCode.Request && data[4] == (byte)EapType.Extensions)
        {
            // The Result TLV comes with its full header; answer in kind with the same status.
            var reply = (byte[])data.Clone();
            reply[0] = (byte)EapCode.Response;
            return reply;
        }

        PeerExpect.That(data[0] == (byte)EapType.MsChapV2, "an inner EAP-MSCHAPv2 request");
        PeerExpect.That(EapMsChapV2Reader.TryParse(EapCode.Request, data.AsSpan(1), out var request) == EapParseError.None, "the MSCHAPv2 request parses");
        var ntHash = new byte[16];
        NtPasswordHash.Compute(password, ntHash);
        switch (request.OpCode)
        {
            case EapMsChapV2OpCode.Challenge:
                _authenticatorChallenge = request.Challenge.ToArray();
                _ntResponse = new byte[24];
                MsChapV2.GenerateNtResponse(_authenticatorChallenge, _peerChallenge, name, ntHash, _ntResponse);
                var packet = new byte[512];
                PeerExpect.That(EapMsChapV2Writer.TryWriteResponse(packet, 0, request.MsChapV2Id, _peerChallenge, _ntResponse, 0, name, out var written), "the response fits");
                return packet[4..written];
            case EapMsChapV2OpCode.Success:
                ServerAuthenticated = MsChapV2.CheckAuthenticatorResponse(ntHash, _ntResponse, _peerChallenge, _authenticatorChallenge, name, request.Message[..42]);
                return ServerAuthenticated ? [(byte)EapType.MsChapV2, (byte)EapMsChapV2OpCode.Success] : null;
            default:
                GotFailure = true;
                return [(byte)EapType.MsChapV2, (byte)EapMsChapV2OpCode.Failure];
        }
    }
}
