using System.Runtime.InteropServices;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>The libcrypto 3 entry points the EAP server needs: memory BIOs, DER certificates and keys, the error queue.</summary>
internal static unsafe partial class LibCrypto
{
    public const string Library = "libcrypto.so.3";

    /// <summary>X509_V_ERR_* codes, chosen for the alert OpenSSL's ssl_x509err2alert maps each to.</summary>
    public const int VerifyOk = 0;
    public const int VerifyCertificateHasExpired = 10;
    public const int VerifyUnableToGetIssuerLocally = 20;
    public const int VerifyCertificateRevoked = 23;
    public const int VerifyInvalidPurpose = 26;
    public const int VerifyCertificateRejected = 28;
    public const int VerifyDifferentCrlScope = 44;
    public const int VerifyApplicationVerification = 50;

    [LibraryImport(Library)]
    public static partial nint BIO_s_mem();

    [LibraryImport(Library)]
    public static partial SafeBioHandle BIO_new(nint type);

    [LibraryImport(Library)]
    public static partial int BIO_free(nint bio);

    [LibraryImport(Library)]
    public static partial int BIO_write(nint bio, byte* data, int length);

    [LibraryImport(Library)]
    public static partial int BIO_read(nint bio, byte* data, int length);

    [LibraryImport(Library)]
    public static partial nuint BIO_ctrl_pending(nint bio);

    [LibraryImport(Library)]
    public static partial SafeX509Handle d2i_X509(nint reuse, ref byte* input, CLong length);

    [LibraryImport(Library)]
    public static partial int i2d_X509(nint certificate, byte** output);

    [LibraryImport(Library)]
    public static partial void X509_free(nint certificate);

    [LibraryImport(Library)]
    public static partial SafeOpenSslKeyHandle d2i_AutoPrivateKey(nint reuse, ref byte* input, CLong length);

    [LibraryImport(Library)]
    public static partial void EVP_PKEY_free(nint key);

    [LibraryImport(Library)]
    public static partial nint X509_STORE_CTX_get0_cert(nint storeContext);

    [LibraryImport(Library)]
    public static partial nint X509_STORE_CTX_get0_untrusted(nint storeContext);

    [LibraryImport(Library)]
    public static partial void X509_STORE_CTX_set_error(nint storeContext, int error);

    [LibraryImport(Library)]
    public static partial nint X509_STORE_CTX_get_ex_data(nint storeContext, int index);

    [LibraryImport(Library)]
    public static partial int OPENSSL_sk_num(nint stack);

    [LibraryImport(Library)]
    public static partial nint OPENSSL_sk_value(nint stack, int index);

    [LibraryImport(Library)]
    public static partial void ERR_clear_error();

    [LibraryImport(Library)]
    public static partial CULong ERR_get_error();

    [LibraryImport(Library)]
    public static partial nint ERR_reason_error_string(CULong error);
}
