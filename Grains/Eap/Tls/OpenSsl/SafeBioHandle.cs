using Microsoft.Win32.SafeHandles;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>An OpenSSL memory BIO until <c>SSL_set_bio</c> hands it to an SSL, which then frees it.</summary>
internal sealed class SafeBioHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        _ = LibCrypto.BIO_free(handle);
        return true;
    }
}
