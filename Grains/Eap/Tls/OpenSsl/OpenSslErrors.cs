using System.Runtime.InteropServices;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>
/// OpenSSL's error queue, which is per thread: cleared before each sequence of calls, so that nothing another caller
/// on this thread left (.NET's own cryptography uses the same library) is taken for ours, and drained right after.
/// </summary>
internal static class OpenSslErrors
{
    /// <summary>SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE: a required client certificate was not sent.</summary>
    public const int PeerSentNoCertificate = 199;

    private const uint ReasonMask = 0x7FFFFF;

    public static void Clear() => LibCrypto.ERR_clear_error();

    /// <summary>Empties the queue and returns the reason of its oldest entry (no key material, only OpenSSL's reason text).</summary>
    public static string? Drain() => Drain(out _);

    /// <summary>As <see cref="Drain()"/>, with the oldest entry's reason code (0 when the queue was empty).</summary>
    public static string? Drain(out int reasonCode)
    {
        string? first = null;
        reasonCode = 0;
        for (var error = LibCrypto.ERR_get_error(); error.Value != 0; error = LibCrypto.ERR_get_error())
        {
            if (first is null)
            {
                reasonCode = (int)(error.Value & ReasonMask);
                first = Marshal.PtrToStringUTF8(LibCrypto.ERR_reason_error_string(error)) ?? $"OpenSSL error 0x{error.Value:x}";
            }
        }

        return first;
    }
}
