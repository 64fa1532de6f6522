using Microsoft.Win32.SafeHandles;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>An OpenSSL X509 certificate, freed once whatever path lets go of it.</summary>
internal sealed class SafeX509Handle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibCrypto.X509_free(handle);
        return true;
    }
}
