using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Grains.Eap.Methods;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>The peer's side of EAP-TTLS phase 2: User-Name with User-Password (PAP) or MS-CHAP-Challenge and MS-CHAP2-Response.</summary>
internal sealed class TtlsTestPhase2(TestTlsClient client, string identity, string password, bool msChapV2)
{
    private readonly byte[] _peerChallenge = RandomNumberGenerator.GetBytes(16);
    private byte[] _ntResponse = [];
    private bool _sent;

    public bool ServerAuthenticated { get; private set; }

    public byte[]? Handle(byte[] data)
    {
        var name = Encoding.UTF8.GetBytes(identity);
        var ntHash = new byte[16];
        NtPasswordHash.Compute(password, ntHash);
        var challenge = client.TtlsChallenge!;
        if (!_sent)
        {
            _sent = true;
            var avps = new ArrayBufferWriter<byte>();
            DiameterAvpWriter.Write(avps, 1, 0, mandatory: true, name);
            if (!msChapV2)
            {
                var padded = new byte[(Encoding.UTF8.GetByteCount(password) + 15) / 16 * 16];
                Encoding.UTF8.GetBytes(password, padded);
                DiameterAvpWriter.Write(avps, 2, 0, mandatory: true, padded);
                return avps.WrittenSpan.ToArray();
            }

            _ntResponse = new byte[24];
            MsChapV2.GenerateNtResponse(challenge.AsSpan(0, 16), _peerChallenge, name, ntHash, _ntResponse);
            DiameterAvpWriter.Write(avps, 11, 311, mandatory: true, challenge.AsSpan(0, 16));
            byte[] response = [challenge[16], 0, .. _peerChallenge, .. new byte[8], .. _ntResponse];
            DiameterAvpWriter.Write(avps, 25, 311, mandatory: true, response);
            return avps.WrittenSpan.ToArray();
        }

        var reader = new DiameterAvpReader(data);
        while (reader.TryRead(out var avp))
        {
            if (avp.Is(311, 26))
            {
                Assert.Equal(challenge[16], avp.Data[0]);
                ServerAuthenticated = MsChapV2.CheckAuthenticatorResponse(ntHash, _ntResponse, _peerChallenge, challenge.AsSpan(0, 16), name, avp.Data[1..]);
            }
        }

        // wpa_supplicant answers MS-CHAP2-Success with an empty message.
        return null;
    }
}
