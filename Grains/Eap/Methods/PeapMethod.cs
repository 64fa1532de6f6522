using Microsoft.Extensions.Logging;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// PEAPv0 with inner EAP-MSCHAPv2. Only version 0 is offered, so the peer must answer with version 0. With
/// TLS 1.2 phase 2 starts after the peer acknowledges our Finished; with TLS 1.3 the peer's Finished is the last
/// handshake message and phase 2 starts at once. No Crypto-Binding TLV is sent, so peers do not expect one.
/// </summary>
internal sealed class PeapMethod : TlsBasedMethod
{
    private readonly PeapInnerMsChapV2 _inner = new();
    private bool _phase2Started;

    public PeapMethod(EapTlsSession session, EapTlsOptions options, ILogger logger)
        : base(session, options, version: 0, logger)
    {
    }

    public override EapType Type => EapType.Peap;

    protected override async ValueTask<EapStep?> OnApplicationDataAsync(byte[] data, bool handshakeJustCompleted, EapMethodContext context)
    {
        if (!_phase2Started)
        {
            if (data.Length > 0)
            {
                return EapStep.Failure;
            }

            // TLS 1.2: send our Finished and wait for the ACK. TLS 1.3: the tunnel is up now.
            return handshakeJustCompleted && Session.Keys!.IsTls13 ? StartPhase2() : null;
        }

        if (data.Length == 0)
        {
            return EapStep.Failure;
        }

        var step = await _inner.ProcessAsync(data, context).ConfigureAwait(false);
        switch (step.Kind)
        {
            case EapStepKind.Continue:
                Session.WriteApplicationData(step.Data);
                return null;
            case EapStepKind.Success:
                return Succeed(step.Identity!, step.Authorization!);
            default:
                return EapStep.Failure;
        }
    }

    protected override ValueTask<EapStep?> OnAckAsync(EapMethodContext context) =>
        ValueTask.FromResult(_phase2Started ? EapStep.Failure : StartPhase2());

    private EapStep? StartPhase2()
    {
        _phase2Started = true;
        Session.WriteApplicationData(_inner.Start());
        return null;
    }
}
