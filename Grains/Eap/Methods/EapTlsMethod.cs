using Microsoft.Extensions.Logging;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// EAP-TLS (RFC 5216, and RFC 9190 for TLS 1.3): mutual certificate authentication. The client certificate is
/// validated during the handshake; the outer identity must be one the certificate names (unless
/// <see cref="EapTlsOptions.RequireIdentityMatch"/> is off) and is then authorized by the user directory, which decides
/// what an unknown name gets. An anonymous outer identity (RFC 9190 "Privacy" asks TLS 1.3 peers for one, since the
/// certificate now travels encrypted) stands for the certificate's first name: its subject common name, else its
/// first subjectAltName.
/// </summary>
internal sealed partial class EapTlsMethod : TlsBasedMethod
{
    // RFC 9190 §2.5: one byte of application data tells a TLS 1.3 peer that no more handshake messages follow.
    private static readonly byte[] CommitmentMessage = [0x00];

    private readonly bool _requireIdentityMatch;

    public EapTlsMethod(EapTlsSession session, EapTlsOptions options, ILogger logger)
        : base(session, options, version: 0, logger)
    {
        _requireIdentityMatch = options.RequireIdentityMatch;
    }

    public override EapType Type => EapType.Tls;

    protected override ValueTask<EapStep?> OnApplicationDataAsync(byte[] data, bool handshakeJustCompleted, EapMethodContext context)
    {
        if (data.Length > 0 || !handshakeJustCompleted)
        {
            // EAP-TLS carries no application data from the peer.
            return ValueTask.FromResult<EapStep?>(EapStep.Failure);
        }

        if (Session.Keys!.IsTls13)
        {
            Session.WriteApplicationData(CommitmentMessage);
        }

        // TLS 1.2: our Finished is queued. TLS 1.3: the commitment. Either way the peer answers with an ACK.
        return ValueTask.FromResult<EapStep?>(null);
    }

    protected override async ValueTask<EapStep?> OnAckAsync(EapMethodContext context)
    {
        var certificate = Session.ClientCertificate;
        var identity = context.OuterIdentity;
        if (AnonymousIdentity.Is(identity))
        {
            // The validated certificate names the user; nothing the peer typed can choose another.
            if (certificate?.Identities is not [var named, ..])
            {
                Log.NoNameForAnonymous(Logger, identity, certificate?.Subject ?? string.Empty, context.NasName);
                return EapStep.Failure;
            }

            identity = named;
        }
        else if (_requireIdentityMatch && certificate?.Identities.Contains(identity, StringComparer.Ordinal) != true)
        {
            // Ordinal: user names are case-sensitive, so "Alice" must not borrow alice's certificate.
            Log.IdentityMismatch(Logger, identity, certificate?.Subject ?? string.Empty, context.NasName);
            return EapStep.Failure;
        }

        var authorization = await context.Users.AuthorizeCertificateAsync(identity).ConfigureAwait(false);
        return authorization.Accepted ? Succeed(identity, authorization) : EapStep.Failure;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3510, Level = LogLevel.Information,
            Message = "EAP-TLS identity {Identity} from {NasName} is not a name of its client certificate {Subject}: refused")]
        public static partial void IdentityMismatch(ILogger logger, string identity, string subject, string nasName);

        [LoggerMessage(EventId = 3511, Level = LogLevel.Information,
            Message = "EAP-TLS anonymous identity {Identity} from {NasName}: client certificate {Subject} names no user; refused")]
        public static partial void NoNameForAnonymous(ILogger logger, string identity, string subject, string nasName);
    }
}
