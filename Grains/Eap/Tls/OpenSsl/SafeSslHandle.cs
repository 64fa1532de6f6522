using Microsoft.Win32.SafeHandles;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>An OpenSSL SSL connection (it owns its two memory BIOs), freed once whatever path lets go of it.</summary>
internal sealed class SafeSslHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibSsl.SSL_free(handle);
        return true;
    }
}
