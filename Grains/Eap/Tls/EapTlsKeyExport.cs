using Org.BouncyCastle.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// The key derivations of the TLS-based methods. TLS 1.2 uses the PRF over the master secret and both randoms
/// (RFC 5216 §2.3; RFC 5281 §8), which works with or without the extended master secret, where the RFC 5705
/// exporter refuses the latter. TLS 1.3 uses the exporter with the method's type code as context (RFC 9190 §2.3,
/// RFC 9427 §2).
/// </summary>
internal static class EapTlsKeyExport
{
    private const string Tls13KeyLabel = "EXPORTER_EAP_TLS_Key_Material";
    private const string TtlsChallengeLabel = "ttls challenge";

    /// <summary>Exports the keys of <paramref name="method"/>; call only inside NotifyHandshakeComplete.</summary>
    public static EapTlsKeys Export(TlsContext context, EapType method)
    {
        var parameters = context.SecurityParameters;
        var ttls = method == EapType.Ttls;
        if (TlsUtilities.IsTlsV13(context))
        {
            return new EapTlsKeys(
                context.ExportKeyingMaterial(Tls13KeyLabel, [(byte)method], EapTlsKeys.KeyMaterialLength),
                ttls ? context.ExportKeyingMaterial(TtlsChallengeLabel, null, EapTlsKeys.TtlsChallengeLength) : null,
                IsTls13: true);
        }

        var seed = new byte[parameters.ClientRandom.Length + parameters.ServerRandom.Length];
        parameters.ClientRandom.CopyTo(seed, 0);
        parameters.ServerRandom.CopyTo(seed, parameters.ClientRandom.Length);
        var label = ttls ? "ttls keying material" : "client EAP encryption";
        return new EapTlsKeys(
            Prf(parameters, label, seed, EapTlsKeys.KeyMaterialLength),
            ttls ? Prf(parameters, TtlsChallengeLabel, seed, EapTlsKeys.TtlsChallengeLength) : null,
            IsTls13: false);
    }

    private static byte[] Prf(SecurityParameters parameters, string label, byte[] seed, int length) =>
        TlsUtilities.Prf(parameters, parameters.MasterSecret, label, seed, length).Extract();
}
