using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// EAP-MSCHAPv2 (draft-kamath-pppext-eap-mschapv2): Challenge, Response checked by the user's grain against
/// the NT hash, Success-Request carrying the authenticator response, the peer's Success acknowledgement.
/// The MSK is the server's MasterReceiveKey ‖ MasterSendKey (RFC 3079 §3.3), 32 bytes, as hostapd and
/// wpa_supplicant derive it.
/// </summary>
internal sealed class EapMsChapV2Method : IEapResumableMethod
{
    private const byte ChallengeSent = 1;
    private const byte SuccessSent = 2;
    private const byte FailureSent = 3;

    // Type-Data starts after the EAP header and the Type byte the writers put first.
    private const int TypeDataOffset = EapPacket.TypeHeaderLength;
    private static readonly byte[] ServerName = "orleans-radius"u8.ToArray();

    private byte _step;
    private byte _msChapV2Id;
    private byte[] _challenge = [];
    private string? _identity;
    private List<ReplyAttribute>? _reply;
    private byte[]? _msk;

    public EapType Type => EapType.MsChapV2;

    public EapStep Start(EapMethodContext context)
    {
        _challenge = RandomNumberGenerator.GetBytes(EapMsChapV2.ChallengeLength);
        _msChapV2Id = (byte)RandomNumberGenerator.GetInt32(256);
        _step = ChallengeSent;
        Span<byte> packet = stackalloc byte[TypeDataOffset + EapMsChapV2.HeaderLength + 1 + EapMsChapV2.ChallengeLength + ServerName.Length];
        EapMsChapV2Writer.TryWriteChallenge(packet, context.RequestIdentifier, _msChapV2Id, _challenge, ServerName, out var written);
        return EapStep.Continue(packet[TypeDataOffset..written].ToArray());
    }

    public async ValueTask<EapStep> ProcessAsync(ReadOnlyMemory<byte> typeData, EapMethodContext context)
    {
        if (EapMsChapV2Reader.TryParse(EapCode.Response, typeData.Span, out var response) != EapParseError.None)
        {
            return EapStep.Failure;
        }

        switch (_step)
        {
            case ChallengeSent when response.OpCode == EapMsChapV2OpCode.Response && response.MsChapV2Id == _msChapV2Id:
                return await CheckResponseAsync(typeData, context);
            case SuccessSent when response.OpCode == EapMsChapV2OpCode.Success:
                _step = 0;
                return new EapStep(EapStepKind.Success, Msk: _msk, Identity: _identity, Authorization: new EapCredentialResult(true, _reply ?? []));
            default:
                // A Failure acknowledgement, a change-password attempt or anything out of order ends the conversation.
                _step = 0;
                return EapStep.Failure;
        }
    }

    private async ValueTask<EapStep> CheckResponseAsync(ReadOnlyMemory<byte> typeData, EapMethodContext context)
    {
        EapMsChapV2Reader.TryParse(EapCode.Response, typeData.Span, out var response);
        var userName = context.OuterIdentity;
        if (!response.Name.IsEmpty && !TryDecodeName(response.Name, out userName))
        {
            return EapStep.Failure;
        }

        var peerChallenge = response.PeerChallenge.ToArray();
        var ntResponse = response.NtResponse.ToArray();
        var challenge = _challenge;
        _challenge = [];
        var result = await context.Users.VerifyMsChapV2Async(userName, challenge, peerChallenge, ntResponse);
        if (!result.Accepted || result.AuthenticatorResponse is not { Length: MsChapV2.AuthenticatorResponseLength } authenticator
            || result.MasterKey is not { Length: MppeKeyDerivation.KeyLength } masterKey)
        {
            _step = FailureSent;
            return EapStep.Continue(FailureRequest(context.RequestIdentifier));
        }

        _identity = userName;
        _reply = [.. result.ReplyAttributes];
        _msk = DeriveMsk(masterKey);
        _step = SuccessSent;
        if (!authenticator.StartsWith("S=", StringComparison.Ordinal))
        {
            return EapStep.Failure;
        }

        var authenticatorBytes = Convert.FromHexString(authenticator.AsSpan(2));

        var message = "Authentication succeeded"u8;
        var packet = new byte[TypeDataOffset + EapMsChapV2.HeaderLength + MsChapV2.AuthenticatorResponseLength + 3 + message.Length];
        EapMsChapV2Writer.TryWriteSuccessRequest(packet, (byte)(context.RequestIdentifier + 1), _msChapV2Id, authenticatorBytes, message, out var written);
        return EapStep.Continue(packet[TypeDataOffset..written]);
    }

    // The server's receive key first: it is the peer's send key, and the peer's MSK starts with it.
    internal static byte[] DeriveMsk(ReadOnlySpan<byte> masterKey)
    {
        var msk = new byte[2 * MppeKeyDerivation.KeyLength];
        MppeKeyDerivation.GetAsymmetricStartKey(masterKey, msk.AsSpan(0, MppeKeyDerivation.KeyLength), isSend: false, isServer: true);
        MppeKeyDerivation.GetAsymmetricStartKey(masterKey, msk.AsSpan(MppeKeyDerivation.KeyLength), isSend: true, isServer: true);
        return msk;
    }

    private byte[] FailureRequest(byte responseIdentifier)
    {
        // E=691 (authentication failure), no retry: a new attempt starts a new conversation.
        var message = "Authentication failed"u8;
        var packet = new byte[128];
        EapMsChapV2Writer.TryWriteFailureRequest(
            packet, (byte)(responseIdentifier + 1), _msChapV2Id, EapMsChapV2.ErrorAuthenticationFailure, retry: false, [], version: 3, message, out var written);
        return packet[TypeDataOffset..written];
    }

    private static bool TryDecodeName(ReadOnlySpan<byte> name, out string userName)
    {
        userName = "";
        if (name.Length > MsChapV2.MaxUserNameLength || !System.Text.Unicode.Utf8.IsValid(name))
        {
            return false;
        }

        userName = Encoding.UTF8.GetString(name);
        return true;
    }

    public EapMethodSnapshot Save() => new()
    {
        Step = _step,
        Data = [_msChapV2Id, .. _challenge],
        Identity = _identity,
        Reply = _reply,
        Msk = _msk,
    };

    public bool TryRestore(EapMethodSnapshot snapshot)
    {
        if (snapshot.Data.Length == 0 || snapshot.Step is not (ChallengeSent or SuccessSent or FailureSent))
        {
            return false;
        }

        _step = snapshot.Step;
        _msChapV2Id = snapshot.Data[0];
        _challenge = snapshot.Data[1..];
        _identity = snapshot.Identity;
        _reply = snapshot.Reply;
        _msk = snapshot.Msk;
        return _step != ChallengeSent || _challenge.Length == EapMsChapV2.ChallengeLength;
    }
}
