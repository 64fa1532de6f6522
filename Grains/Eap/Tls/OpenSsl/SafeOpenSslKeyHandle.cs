using Microsoft.Win32.SafeHandles;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>An OpenSSL EVP_PKEY private key, freed once whatever path lets go of it.</summary>
internal sealed class SafeOpenSslKeyHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibCrypto.EVP_PKEY_free(handle);
        return true;
    }
}
