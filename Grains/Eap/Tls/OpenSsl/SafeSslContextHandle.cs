using Microsoft.Win32.SafeHandles;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>An OpenSSL SSL_CTX, freed once whatever path lets go of it.</summary>
internal sealed class SafeSslContextHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibSsl.SSL_CTX_free(handle);
        return true;
    }
}
