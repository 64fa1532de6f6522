using Orleans.Radius.Grains.Eap.Tls.OpenSsl;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// The key derivations of the TLS-based methods, through OpenSSL's exporter. On TLS 1.2 without a context it computes
/// PRF(master secret, label, client random ‖ server random) with or without the extended master secret, which is
/// exactly RFC 5216 §2.3 and RFC 5281 §8. On TLS 1.3 it is the RFC 8446 exporter, with the method's type code as
/// context (RFC 9190 §2.3, RFC 9427 §2) and no context for the TTLS challenge.
/// </summary>
internal static class EapTlsKeyExport
{
    /// <summary>The keys of <paramref name="method"/> for a connection whose handshake completed; null when OpenSSL refuses.</summary>
    public static EapTlsKeys? Export(SafeSslHandle ssl, EapType method)
    {
        var tls13 = LibSsl.SSL_version(ssl) == LibSsl.Tls13Version;
        var ttls = method == EapType.Ttls;
        var label = tls13 ? "EXPORTER_EAP_TLS_Key_Material"u8 : ttls ? "ttls keying material"u8 : "client EAP encryption"u8;
        var keyMaterial = new byte[EapTlsKeys.KeyMaterialLength];
        if (!TryExport(ssl, keyMaterial, label, tls13 ? [(byte)method] : []))
        {
            return null;
        }

        byte[]? challenge = null;
        if (ttls)
        {
            challenge = new byte[EapTlsKeys.TtlsChallengeLength];
            if (!TryExport(ssl, challenge, "ttls challenge"u8, []))
            {
                return null;
            }
        }

        return new EapTlsKeys(keyMaterial, challenge, tls13);
    }

    // An empty context means none: for TLS 1.2 the seed is then the randoms alone; TLS 1.3 treats both alike.
    private static unsafe bool TryExport(SafeSslHandle ssl, Span<byte> output, ReadOnlySpan<byte> label, ReadOnlySpan<byte> context)
    {
        fixed (byte* outputStart = output)
        fixed (byte* labelStart = label)
        fixed (byte* contextStart = context)
        {
            return LibSsl.SSL_export_keying_material(
                ssl, outputStart, (nuint)output.Length, labelStart, (nuint)label.Length, contextStart, (nuint)context.Length, context.IsEmpty ? 0 : 1) == 1;
        }
    }
}
