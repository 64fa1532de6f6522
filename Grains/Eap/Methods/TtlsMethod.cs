using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// EAP-TTLSv0 (RFC 5281) with inner PAP or MS-CHAPv2 as Diameter AVPs. The peer speaks first in phase 2: after our
/// Finished (TLS 1.2) or an empty Request (TLS 1.3, where the peer's Finished ends the handshake) it sends
/// User-Name and its credentials. The inner identity is the User-Name AVP.
/// </summary>
internal sealed class TtlsMethod : TlsBasedMethod
{
    private const uint Microsoft = 311;
    private const uint UserNameCode = 1;
    private const uint UserPasswordCode = 2;
    private const uint MsChapChallengeCode = 11;
    private const uint MsChap2ResponseCode = 25;
    private const uint MsChap2SuccessCode = 26;

    /// <summary>Longest User-Name and User-Password accepted (RADIUS attribute limits).</summary>
    private const int MaxValueLength = 253;

    private string? _identity;
    private EapCredentialResult? _authorization;

    public TtlsMethod(EapTlsSession session, EapTlsOptions options, ILogger logger)
        : base(session, options, version: 0, logger)
    {
    }

    public override EapType Type => EapType.Ttls;

    protected override async ValueTask<EapStep?> OnApplicationDataAsync(byte[] data, bool handshakeJustCompleted, EapMethodContext context)
    {
        if (_authorization is not null)
        {
            // Our MS-CHAP2-Success went out; the peer answers with nothing.
            return data.Length == 0 ? Succeed(_identity!, _authorization) : EapStep.Failure;
        }

        if (data.Length == 0)
        {
            // The handshake just completed: send our Finished (TLS 1.2) or an empty Request (TLS 1.3) for the AVPs.
            return handshakeJustCompleted ? null : EapStep.Failure;
        }

        return await OnAvpsAsync(data, context).ConfigureAwait(false);
    }

    protected override ValueTask<EapStep?> OnAckAsync(EapMethodContext context) =>
        ValueTask.FromResult(_authorization is not null ? Succeed(_identity!, _authorization) : null);

    private async ValueTask<EapStep?> OnAvpsAsync(byte[] data, EapMethodContext context)
    {
        byte[]? userName = null, password = null, challenge = null, response = null;
        var reader = new DiameterAvpReader(data);
        while (reader.TryRead(out var avp))
        {
            if (avp.Is(0, UserNameCode))
            {
                userName = avp.Data.ToArray();
            }
            else if (avp.Is(0, UserPasswordCode))
            {
                password = avp.Data.ToArray();
            }
            else if (avp.Is(Microsoft, MsChapChallengeCode))
            {
                challenge = avp.Data.ToArray();
            }
            else if (avp.Is(Microsoft, MsChap2ResponseCode))
            {
                response = avp.Data.ToArray();
            }
            else if (avp.IsMandatory)
            {
                // RFC 5281 §10.1: an unsupported mandatory AVP (inner EAP, CHAP, MS-CHAPv1) fails the conversation.
                return EapStep.Failure;
            }
        }

        if (!reader.IsEnd || userName is not { Length: > 0 and <= MaxValueLength } name || !Utf8.IsValid(name) || name.Contains((byte)0))
        {
            return EapStep.Failure;
        }

        var identity = Encoding.UTF8.GetString(name);
        if (password is not null && challenge is null && response is null)
        {
            return await VerifyPasswordAsync(identity, password, context).ConfigureAwait(false);
        }

        if (password is null && challenge is not null && response is not null)
        {
            return await VerifyMsChapV2Async(identity, challenge, response, context).ConfigureAwait(false);
        }

        return EapStep.Failure;
    }

    private async ValueTask<EapStep> VerifyPasswordAsync(string identity, byte[] password, EapMethodContext context)
    {
        if (password.Length > MaxValueLength)
        {
            return EapStep.Failure;
        }

        // Peers pad the password with zeros to a multiple of 16 (RFC 5281 §11.2.5, as RADIUS does).
        var end = password.AsSpan().TrimEnd((byte)0).Length;
        var result = await context.Users.VerifyPasswordAsync(identity, password.AsMemory(0, end)).ConfigureAwait(false);
        CryptographicOperations.ZeroMemory(password);
        return result.Accepted ? Succeed(identity, result) : EapStep.Failure;
    }

    private async ValueTask<EapStep?> VerifyMsChapV2Async(string identity, byte[] challenge, byte[] response, EapMethodContext context)
    {
        // RFC 5281 §11.2.4: the challenge and the identifier come from the TLS keys, so the peer cannot pick them.
        var expected = Session.Keys!.TtlsChallenge!;
        if (!MsChap2Response.TryParse(response, out var parsed)
            || challenge.Length != MsChapV2.ChallengeLength
            || !CryptographicOperations.FixedTimeEquals(challenge, expected.AsSpan(0, MsChapV2.ChallengeLength))
            || parsed.Ident != expected[MsChapV2.ChallengeLength])
        {
            return EapStep.Failure;
        }

        var ident = parsed.Ident;
        var result = await context.Users.VerifyMsChapV2Async(identity, challenge, parsed.PeerChallenge.ToArray(), parsed.NtResponse.ToArray()).ConfigureAwait(false);
        if (!result.Accepted || result.AuthenticatorResponse is not { Length: MsChapV2.AuthenticatorResponseLength } authenticator)
        {
            return EapStep.Failure;
        }

        var value = new byte[MsChapV2.SuccessValueLength];
        value[0] = ident;
        Encoding.ASCII.GetBytes(authenticator, value.AsSpan(1));
        var avps = new ArrayBufferWriter<byte>(64);
        DiameterAvpWriter.Write(avps, MsChap2SuccessCode, Microsoft, mandatory: true, value);
        _identity = identity;
        _authorization = result;
        Session.WriteApplicationData(avps.WrittenSpan);
        return null;
    }
}
