using System.Runtime.InteropServices;

namespace Orleans.Radius.Grains.Eap.Tls.OpenSsl;

/// <summary>
/// The few libssl 3 entry points the EAP server needs. The library is the one .NET itself loads for its own
/// cryptography, so it is already in the process. Several OpenSSL "functions" are macros over <c>SSL_CTX_ctrl</c> and
/// <c>SSL_ctrl</c>; the command numbers below are those of OpenSSL 3.0's ssl.h.
/// </summary>
internal static unsafe partial class LibSsl
{
    public const string Library = "libssl.so.3";

    public const int Tls12Version = 0x0303;
    public const int Tls13Version = 0x0304;

    public const int CtrlSetSessionCacheMode = 44;
    public const int CtrlChainCertificate = 89;
    public const int CtrlSetGroupsList = 92;
    public const int CtrlSetMinProtocolVersion = 123;
    public const int CtrlSetMaxProtocolVersion = 124;

    public const ulong OptionNoTicket = 1UL << 14;
    public const ulong OptionNoCompression = 1UL << 17;
    public const ulong OptionCipherServerPreference = 1UL << 22;
    public const ulong OptionNoRenegotiation = 1UL << 30;

    public const int VerifyPeer = 0x01;
    public const int VerifyFailIfNoPeerCertificate = 0x02;

    public const int ErrorWantRead = 2;
    public const int ErrorZeroReturn = 6;

    [LibraryImport(Library)]
    public static partial nint TLS_server_method();

    [LibraryImport(Library)]
    public static partial SafeSslContextHandle SSL_CTX_new(nint method);

    [LibraryImport(Library)]
    public static partial void SSL_CTX_free(nint context);

    [LibraryImport(Library)]
    public static partial CLong SSL_CTX_ctrl(SafeSslContextHandle context, int command, CLong larg, nint parg);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_ctrl", StringMarshalling = StringMarshalling.Utf8)]
    public static partial CLong SSL_CTX_ctrl_string(SafeSslContextHandle context, int command, CLong larg, string parg);

    [LibraryImport(Library)]
    public static partial ulong SSL_CTX_set_options(SafeSslContextHandle context, ulong options);

    [LibraryImport(Library)]
    public static partial void SSL_CTX_set_security_level(SafeSslContextHandle context, int level);

    [LibraryImport(Library)]
    public static partial int SSL_CTX_set_num_tickets(SafeSslContextHandle context, nuint count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SSL_CTX_set_cipher_list(SafeSslContextHandle context, string ciphers);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SSL_CTX_set_ciphersuites(SafeSslContextHandle context, string suites);

    [LibraryImport(Library)]
    public static partial int SSL_CTX_use_certificate(SafeSslContextHandle context, SafeX509Handle certificate);

    [LibraryImport(Library)]
    public static partial int SSL_CTX_use_PrivateKey(SafeSslContextHandle context, SafeOpenSslKeyHandle key);

    [LibraryImport(Library)]
    public static partial int SSL_CTX_check_private_key(SafeSslContextHandle context);

    [LibraryImport(Library)]
    public static partial int SSL_CTX_add_client_CA(SafeSslContextHandle context, SafeX509Handle certificate);

    [LibraryImport(Library)]
    public static partial void SSL_CTX_set_cert_verify_callback(SafeSslContextHandle context, delegate* unmanaged[Cdecl]<nint, nint, int> callback, nint argument);

    [LibraryImport(Library)]
    public static partial SafeSslHandle SSL_new(SafeSslContextHandle context);

    [LibraryImport(Library)]
    public static partial void SSL_free(nint ssl);

    [LibraryImport(Library)]
    public static partial CLong SSL_ctrl(SafeSslHandle ssl, int command, CLong larg, nint parg);

    [LibraryImport(Library)]
    public static partial void SSL_set_bio(SafeSslHandle ssl, nint input, nint output);

    [LibraryImport(Library)]
    public static partial void SSL_set_accept_state(SafeSslHandle ssl);

    [LibraryImport(Library)]
    public static partial void SSL_set_verify(SafeSslHandle ssl, int mode, nint callback);

    [LibraryImport(Library)]
    public static partial int SSL_do_handshake(SafeSslHandle ssl);

    [LibraryImport(Library)]
    public static partial int SSL_read(SafeSslHandle ssl, byte* buffer, int count);

    [LibraryImport(Library)]
    public static partial int SSL_write(SafeSslHandle ssl, byte* buffer, int count);

    [LibraryImport(Library)]
    public static partial int SSL_get_error(SafeSslHandle ssl, int result);

    [LibraryImport(Library)]
    public static partial int SSL_version(SafeSslHandle ssl);

    [LibraryImport(Library)]
    public static partial int SSL_export_keying_material(
        SafeSslHandle ssl, byte* output, nuint outputLength, byte* label, nuint labelLength, byte* context, nuint contextLength, int useContext);

    [LibraryImport(Library)]
    public static partial int SSL_get_ex_data_X509_STORE_CTX_idx();
}
