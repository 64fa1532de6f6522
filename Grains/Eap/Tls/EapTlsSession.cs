using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Org.BouncyCastle.Tls;
using Orleans.Radius.Grains.Eap.Tls.OpenSsl;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// One TLS server connection on OpenSSL driven without a socket or a thread: the peer's reassembled TLS data goes into
/// a memory BIO, the bytes to send come out of another, application data is read and written once the handshake is
/// done. Every call runs its OpenSSL sequence synchronously on the calling thread, so OpenSSL's per-thread error queue
/// and the certificate callback see only this connection. Lives in one grain activation; not thread-safe.
/// </summary>
internal sealed class EapTlsSession : IDisposable
{
    // Smaller than a record is fine: SSL_read hands out the rest of a record on the next call.
    private const int ReadChunk = 4 * 1024;

    // The connection whose handshake runs on this thread, for OpenSSL's certificate callback.
    [ThreadStatic]
    private static EapTlsSession? _handshaking;

    private readonly EapTlsServerSetup _setup;
    private readonly EapType _method;
    private readonly SafeSslHandle _ssl;
    private readonly nint _input;
    private readonly nint _output;
    private ArrayBufferWriter<byte>? _received;

    public EapTlsSession(EapTlsServerSetup setup, EapTlsServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(settings);
        _setup = setup;
        _method = settings.Method;
        OpenSslErrors.Clear();
        _ssl = LibSsl.SSL_new(setup.Context);
        using var input = LibCrypto.BIO_new(LibCrypto.BIO_s_mem());
        using var output = LibCrypto.BIO_new(LibCrypto.BIO_s_mem());
        if (_ssl.IsInvalid || input.IsInvalid || output.IsInvalid)
        {
            Fail("no memory for a TLS connection");
            return;
        }

        // The SSL owns both BIOs from here on and frees them with itself.
        _input = input.DangerousGetHandle();
        _output = output.DangerousGetHandle();
        LibSsl.SSL_set_bio(_ssl, _input, _output);
        input.SetHandleAsInvalid();
        output.SetHandleAsInvalid();
        LibSsl.SSL_set_accept_state(_ssl);
        if (LibSsl.SSL_ctrl(_ssl, LibSsl.CtrlSetMinProtocolVersion, new CLong(ProtocolVersion(settings.MinVersion)), 0).Value != 1
            || LibSsl.SSL_ctrl(_ssl, LibSsl.CtrlSetMaxProtocolVersion, new CLong(ProtocolVersion(settings.MaxVersion)), 0).Value != 1)
        {
            Fail("the TLS versions were refused");
            return;
        }

        if (settings.RequestClientCertificate)
        {
            // The callback is the context's: it hands the chain to ClientCertificateValidator.
            LibSsl.SSL_set_verify(_ssl, LibSsl.VerifyPeer | LibSsl.VerifyFailIfNoPeerCertificate, 0);
        }
    }

    /// <summary>True once the handshake completed and the keys were exported.</summary>
    public bool IsHandshakeComplete => Keys is not null;

    /// <summary>The exported keys, once the handshake completed.</summary>
    public EapTlsKeys? Keys { get; private set; }

    /// <summary>True after any fatal error: the connection cannot be used again.</summary>
    public bool IsFailed { get; private set; }

    /// <summary>Why the connection failed, safe to log (OpenSSL's reason, certificate subjects and dates; never key material).</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The verdict on the client certificate (EAP-TLS).</summary>
    public ClientCertificateCheck? ClientCertificate { get; private set; }

    /// <summary>
    /// Processes the peer's TLS data. False when it breaks the connection; a fatal alert for the peer may then
    /// be waiting in <see cref="TakeOutput"/>.
    /// </summary>
    public unsafe bool Offer(ReadOnlySpan<byte> input)
    {
        if (IsFailed || _ssl.IsClosed)
        {
            return false;
        }

        OpenSslErrors.Clear();
        fixed (byte* data = input)
        {
            // A memory BIO grows to take everything; the reassembler capped the size.
            if (input.Length > 0 && LibCrypto.BIO_write(_input, data, input.Length) != input.Length)
            {
                return Fail("the TLS input could not be buffered");
            }
        }

        if (Keys is null)
        {
            int result;
            _handshaking = this;
            try
            {
                result = LibSsl.SSL_do_handshake(_ssl);
            }
            finally
            {
                _handshaking = null;
            }

            if (result != 1)
            {
                return LibSsl.SSL_get_error(_ssl, result) == LibSsl.ErrorWantRead ? Settle() : Fail(null);
            }

            Keys = EapTlsKeyExport.Export(_ssl, _method);
            if (Keys is null)
            {
                return Fail("the keys could not be exported");
            }
        }

        return ReadApplicationData();
    }

    /// <summary>Queues application data for the peer (after the handshake).</summary>
    public unsafe bool WriteApplicationData(ReadOnlySpan<byte> data)
    {
        if (IsFailed || _ssl.IsClosed || Keys is null)
        {
            return false;
        }

        OpenSslErrors.Clear();
        fixed (byte* start = data)
        {
            return data.IsEmpty || LibSsl.SSL_write(_ssl, start, data.Length) == data.Length ? Settle() : Fail(null);
        }
    }

    /// <summary>Takes every byte waiting to go to the peer (records, alerts).</summary>
    public unsafe byte[] TakeOutput()
    {
        if (_output == 0 || _ssl.IsClosed)
        {
            return [];
        }

        var available = (int)LibCrypto.BIO_ctrl_pending(_output);
        if (available == 0)
        {
            return [];
        }

        var output = new byte[available];
        fixed (byte* start = output)
        {
            var read = LibCrypto.BIO_read(_output, start, available);
            return read == available ? output : output[..Math.Max(read, 0)];
        }
    }

    /// <summary>Takes the application data received so far.</summary>
    public byte[] TakeApplicationData()
    {
        if (_received is not { WrittenCount: > 0 } received)
        {
            return [];
        }

        var data = received.WrittenSpan.ToArray();
        received.ResetWrittenCount();
        return data;
    }

    /// <summary>Frees the OpenSSL connection; safe to call more than once.</summary>
    public void Dispose() => _ssl.Dispose();

    /// <summary>OpenSSL's certificate verification, replaced: the peer's chain (leaf first) goes to the validator.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static int VerifyClientCertificate(nint storeContext, nint argument)
    {
        try
        {
            var ssl = LibCrypto.X509_STORE_CTX_get_ex_data(storeContext, LibSsl.SSL_get_ex_data_X509_STORE_CTX_idx());
            var session = _handshaking;
            if (session is null || ssl == 0 || ssl != session._ssl.DangerousGetHandle())
            {
                LibCrypto.X509_STORE_CTX_set_error(storeContext, LibCrypto.VerifyApplicationVerification);
                return 0;
            }

            var check = session.Validate(PeerChain(storeContext));

            // The validator's own platform crypto shares this thread's error queue: nothing of it may reach SSL_get_error.
            OpenSslErrors.Clear();
            LibCrypto.X509_STORE_CTX_set_error(storeContext, check.Accepted ? LibCrypto.VerifyOk : VerifyError(check.Alert));
            return check.Accepted ? 1 : 0;
        }
#pragma warning disable CA1031 // Nothing may unwind into OpenSSL: any failure refuses the certificate.
        catch (Exception)
#pragma warning restore CA1031
        {
            LibCrypto.X509_STORE_CTX_set_error(storeContext, LibCrypto.VerifyApplicationVerification);
            return 0;
        }
    }

    private ClientCertificateCheck Validate(List<byte[]> chain)
    {
        var check = _setup.ClientValidator is null
            ? ClientCertificateCheck.Refuse(string.Empty, "no client CA configured", AlertDescription.unknown_ca)
            : _setup.ClientValidator.Validate(chain, _setup.Time.GetUtcNow().UtcDateTime);
        ClientCertificate = check;
        return check;
    }

    private static unsafe List<byte[]> PeerChain(nint storeContext)
    {
        // On a server OpenSSL puts the whole chain the peer sent, leaf first, in the untrusted stack.
        var leaf = LibCrypto.X509_STORE_CTX_get0_cert(storeContext);
        List<byte[]> chain = leaf == 0 ? [] : [Der(leaf)];
        var untrusted = LibCrypto.X509_STORE_CTX_get0_untrusted(storeContext);
        var count = untrusted == 0 ? 0 : LibCrypto.OPENSSL_sk_num(untrusted);
        for (var i = 0; i < count; i++)
        {
            var certificate = LibCrypto.OPENSSL_sk_value(untrusted, i);
            if (certificate != 0 && certificate != leaf)
            {
                chain.Add(Der(certificate));
            }
        }

        return chain;
    }

    private static unsafe byte[] Der(nint certificate)
    {
        var length = LibCrypto.i2d_X509(certificate, null);
        if (length <= 0)
        {
            return [];
        }

        var der = new byte[length];
        fixed (byte* start = der)
        {
            var cursor = start;
            _ = LibCrypto.i2d_X509(certificate, &cursor);
        }

        return der;
    }

    // The X509_V_ERR code OpenSSL turns into the alert the validator chose (ssl_x509err2alert).
    private static int VerifyError(short alert) => alert switch
    {
        AlertDescription.certificate_expired => LibCrypto.VerifyCertificateHasExpired,
        AlertDescription.unknown_ca => LibCrypto.VerifyUnableToGetIssuerLocally,
        AlertDescription.certificate_revoked => LibCrypto.VerifyCertificateRevoked,
        AlertDescription.unsupported_certificate => LibCrypto.VerifyInvalidPurpose,
        AlertDescription.bad_certificate => LibCrypto.VerifyCertificateRejected,
        AlertDescription.handshake_failure or AlertDescription.certificate_required => LibCrypto.VerifyApplicationVerification,

        // A code absent from OpenSSL's table: certificate_unknown.
        _ => LibCrypto.VerifyDifferentCrlScope,
    };

    private static int ProtocolVersion(EapTlsVersion version) => version == EapTlsVersion.Tls13 ? LibSsl.Tls13Version : LibSsl.Tls12Version;

    // Reads through a stack buffer: most rounds carry no application data (none at all in EAP-TLS), and a
    // buffer kept for them would cost every session a record's worth of memory.
    private unsafe bool ReadApplicationData()
    {
        Span<byte> chunk = stackalloc byte[ReadChunk];
        while (true)
        {
            int read;
            fixed (byte* start = chunk)
            {
                read = LibSsl.SSL_read(_ssl, start, chunk.Length);
            }

            if (read > 0)
            {
                (_received ??= new ArrayBufferWriter<byte>()).Write(chunk[..read]);
                continue;
            }

            return LibSsl.SSL_get_error(_ssl, read) switch
            {
                LibSsl.ErrorWantRead => Settle(),
                LibSsl.ErrorZeroReturn => Fail("the peer closed the connection"),
                _ => Fail(null),
            };
        }
    }

    private static bool Settle()
    {
        OpenSslErrors.Clear();
        return true;
    }

    private bool Fail(string? fallback)
    {
        var openSsl = OpenSslErrors.Drain(out var reasonCode);
        if (reasonCode == OpenSslErrors.PeerSentNoCertificate && ClientCertificate is null)
        {
            // OpenSSL refused the empty Certificate message itself (certificate_required, handshake_failure in TLS 1.2).
            ClientCertificate = ClientCertificateCheck.Refuse(string.Empty, "no client certificate", AlertDescription.certificate_required);
        }

        IsFailed = true;
        FailureReason = ClientCertificate is { Accepted: false } refused
            ? $"client certificate {refused.Subject} refused: {refused.Reason}"
            : openSsl ?? fallback ?? "TLS failure";
        return false;
    }
}
