using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// PEAPv0 phase 2: inner EAP-Identity then EAP-MSCHAPv2 ([MS-PEAP], draft-kamath-pppext-eap-mschapv2-01), ended
/// by a Result TLV. PEAPv0 strips the 4-byte EAP header from inner packets (they start with the Type), except the
/// Extensions packets (type 33), which keep it.
/// </summary>
internal sealed class PeapInnerMsChapV2
{
    /// <summary>Longest inner identity accepted (a RADIUS User-Name holds 253 bytes).</summary>
    public const int MaxIdentityLength = 253;

    private static readonly byte[] ServerName = "orleans-radius"u8.ToArray();
    private static readonly byte[] SuccessText = "Authenticated"u8.ToArray();
    private static readonly byte[] FailureText = "Authentication failed"u8.ToArray();

    private readonly byte[] _challenge = RandomNumberGenerator.GetBytes(EapMsChapV2.ChallengeLength);
    private readonly byte _msChapV2Id = (byte)RandomNumberGenerator.GetInt32(256);
    private State _state = State.Started;
    private string _identity = string.Empty;
    private EapCredentialResult? _authorization;

    private enum State
    {
        Started,
        AwaitingIdentity,
        AwaitingResponse,
        AwaitingSuccessAck,
        AwaitingFailureAck,
        AwaitingResult,
        Done,
    }

    /// <summary>The first inner request: EAP-Request/Identity without its header.</summary>
    public byte[] Start()
    {
        _state = State.AwaitingIdentity;
        return [(byte)EapType.Identity];
    }

    /// <summary>Handles one decrypted inner packet from the peer.</summary>
    public async ValueTask<PeapInnerStep> ProcessAsync(byte[] data, EapMethodContext context)
    {
        switch (_state)
        {
            case State.AwaitingIdentity when data.Length >= 1 && data[0] == (byte)EapType.Identity:
                return OnIdentity(data.AsSpan(1));
            case State.AwaitingResponse when data.Length >= 1 && data[0] == (byte)EapType.MsChapV2:
                return await OnResponseAsync(data, context).ConfigureAwait(false);
            case State.AwaitingSuccessAck when IsAck(data, EapMsChapV2OpCode.Success):
                _state = State.AwaitingResult;
                return PeapInnerStep.Send(PeapResultTlv.WriteRequest((byte)(_msChapV2Id + 1), PeapResultTlv.Success));
            case State.AwaitingResult when PeapResultTlv.ReadResponseStatus(data) == PeapResultTlv.Success:
                _state = State.Done;
                return PeapInnerStep.Succeed(_identity, _authorization!);
            default:
                // A Nak of MSCHAPv2, a Failure acknowledgement, or anything out of order ends the conversation.
                _state = State.Done;
                return PeapInnerStep.Fail;
        }
    }

    private PeapInnerStep OnIdentity(ReadOnlySpan<byte> identity)
    {
        if (identity.IsEmpty || identity.Length > MaxIdentityLength || !IsValidUtf8(identity))
        {
            return PeapInnerStep.Fail;
        }

        _identity = Encoding.UTF8.GetString(identity);
        _state = State.AwaitingResponse;
        var packet = new byte[EapPacket.TypeHeaderLength + EapMsChapV2.HeaderLength + 1 + EapMsChapV2.ChallengeLength + ServerName.Length];
        EapMsChapV2Writer.TryWriteChallenge(packet, 0, _msChapV2Id, _challenge, ServerName, out var written);
        return PeapInnerStep.Send(packet[EapPacket.HeaderLength..written]);
    }

    private async ValueTask<PeapInnerStep> OnResponseAsync(byte[] data, EapMethodContext context)
    {
        if (EapMsChapV2Reader.TryParse(EapCode.Response, data.AsSpan(1), out var response) != EapParseError.None
            || response.OpCode != EapMsChapV2OpCode.Response
            || response.MsChapV2Id != _msChapV2Id)
        {
            _state = State.Done;
            return PeapInnerStep.Fail;
        }

        // The identity the peer gave is the one checked: the NT-Response hashes the Name, which real peers set
        // to the same identity; a different Name simply fails the check.
        var result = await context.Users.VerifyMsChapV2Async(_identity, _challenge, response.PeerChallenge.ToArray(), response.NtResponse.ToArray()).ConfigureAwait(false);
        byte[] packet;
        int written;
        if (result.Accepted && TryDecodeAuthenticatorResponse(result.AuthenticatorResponse, out var authenticator))
        {
            _authorization = result;
            _state = State.AwaitingSuccessAck;
            packet = new byte[EapPacket.TypeHeaderLength + EapMsChapV2.HeaderLength + 2 + (2 * EapMsChapV2.AuthenticatorResponseLength) + 3 + SuccessText.Length];
            EapMsChapV2Writer.TryWriteSuccessRequest(packet, 0, _msChapV2Id, authenticator, SuccessText, out written);
        }
        else
        {
            _state = State.AwaitingFailureAck;
            packet = new byte[256];
            EapMsChapV2Writer.TryWriteFailureRequest(packet, 0, _msChapV2Id, EapMsChapV2.ErrorAuthenticationFailure, retry: false, [], version: 3, FailureText, out written);
        }

        return PeapInnerStep.Send(packet[EapPacket.HeaderLength..written]);
    }

    private static bool IsAck(byte[] data, EapMsChapV2OpCode opCode) =>
        data.Length >= 2 && data[0] == (byte)EapType.MsChapV2 && data[1] == (byte)opCode;

    private static bool TryDecodeAuthenticatorResponse(string? text, out byte[] authenticator)
    {
        authenticator = [];
        if (text is not { Length: 2 + (2 * EapMsChapV2.AuthenticatorResponseLength) } || !text.StartsWith("S=", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            authenticator = Convert.FromHexString(text.AsSpan(2));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> value) => Utf8.IsValid(value) && !value.Contains((byte)0);
}
