using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// One ephemeral ECDH exchange on the platform: our key pair, the peer's point, the shared secret. Points travel
/// uncompressed (RFC 8422 §5.4.1, RFC 8446 §4.2.8.2), the only form BouncyCastle lets through to here.
/// </summary>
internal sealed class PlatformEcdhAgreement(BcTlsCrypto crypto, ECCurve curve, int fieldLength) : TlsAgreement
{
    private const byte Uncompressed = 0x04;

    private ECDiffieHellman? _local;
    private ECDiffieHellman? _peer;

    public byte[] GenerateEphemeral()
    {
        _local = ECDiffieHellman.Create(curve);
        var point = _local.ExportParameters(includePrivateParameters: false).Q;
        var encoded = new byte[1 + (2 * fieldLength)];
        encoded[0] = Uncompressed;
        WriteCoordinate(point.X!, encoded.AsSpan(1, fieldLength));
        WriteCoordinate(point.Y!, encoded.AsSpan(1 + fieldLength, fieldLength));
        return encoded;
    }

    public void ReceivePeerValue(byte[] peerValue)
    {
        ArgumentNullException.ThrowIfNull(peerValue);
        if (peerValue.Length != 1 + (2 * fieldLength) || peerValue[0] != Uncompressed)
        {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the peer's ECDH point is not an uncompressed point of the group");
        }

        var parameters = new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = peerValue[1..(1 + fieldLength)], Y = peerValue[(1 + fieldLength)..] },
        };
        try
        {
            // Import validates the point: on the curve, not the identity.
            _peer = ECDiffieHellman.Create(parameters);
        }
        catch (CryptographicException exception)
        {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the peer's ECDH point is not on the curve", exception);
        }
    }

    public TlsSecret CalculateSecret()
    {
        if (_local is null || _peer is null)
        {
            throw new TlsFatalAlert(AlertDescription.internal_error, "ECDH secret asked for before both keys were known");
        }

        // The x-coordinate, left-padded to the field length (RFC 8422 §5.10; RFC 8446 §7.4.2).
        byte[] shared;
        using (var peerKey = _peer.PublicKey)
        {
            shared = _local.DeriveRawSecretAgreement(peerKey);
        }


        try
        {
            return crypto.CreateSecret(shared);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            _local.Dispose();
            _peer.Dispose();
            _local = null;
            _peer = null;
        }
    }

    private static void WriteCoordinate(byte[] value, Span<byte> destination)
    {
        // Export gives the field length already; a shorter value would be a big-endian number without its leading zeros.
        var start = destination.Length - value.Length;
        destination[..start].Clear();
        value.CopyTo(destination[start..]);
    }
}
