using System.Security.Cryptography;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// EAP-MD5 (RFC 3748 §5.4): one random challenge, one response, checked against the cleartext password.
/// No keys: an Access-Accept after EAP-MD5 carries no MS-MPPE keys.
/// </summary>
internal sealed class EapMd5Method : IEapResumableMethod
{
    private const byte ChallengeSent = 1;

    private byte[] _challenge = [];

    public EapType Type => EapType.Md5Challenge;

    public EapStep Start(EapMethodContext context)
    {
        _challenge = RandomNumberGenerator.GetBytes(EapMd5Challenge.RecommendedChallengeLength);
        var typeData = new byte[1 + _challenge.Length];
        typeData[0] = (byte)_challenge.Length;
        _challenge.CopyTo(typeData, 1);
        return EapStep.Continue(typeData);
    }

    public async ValueTask<EapStep> ProcessAsync(ReadOnlyMemory<byte> typeData, EapMethodContext context)
    {
        if (_challenge.Length == 0
            || EapMd5Challenge.TryRead(typeData.Span, out var value, out _) != EapParseError.None
            || value.Length != EapMd5Challenge.ResponseValueLength)
        {
            return EapStep.Failure;
        }

        var challenge = _challenge;

        // One challenge, one answer: a second Response to it is a guess, not a retry.
        _challenge = [];
        var result = await context.Users.VerifyMd5Async(context.OuterIdentity, context.RequestIdentifier, challenge, value.ToArray());
        return result.Accepted
            ? new EapStep(EapStepKind.Success, Identity: context.OuterIdentity, Authorization: result)
            : EapStep.Failure;
    }

    public EapMethodSnapshot Save() => new() { Step = _challenge.Length == 0 ? (byte)0 : ChallengeSent, Data = _challenge };

    public bool TryRestore(EapMethodSnapshot snapshot)
    {
        if (snapshot.Step != ChallengeSent || snapshot.Data.Length != EapMd5Challenge.RecommendedChallengeLength)
        {
            return false;
        }

        _challenge = snapshot.Data;
        return true;
    }
}
