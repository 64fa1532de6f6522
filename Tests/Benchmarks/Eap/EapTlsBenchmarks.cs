using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Tls;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Eap.Methods;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Grains.Tests.Eap.Tls;
using Orleans.Radius.Protocol.Eap;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Orleans.Radius.Benchmarks.Eap;

/// <summary>
/// One whole EAP-TLS or PEAP-MSCHAPv2 authentication in process: the server methods against a BouncyCastle peer,
/// default fragment size. The reported time covers both sides; the server's own share (time inside Start and
/// ProcessAsync) is printed at the end of each case as "server share".
/// </summary>
/// <remarks>
/// BouncyCastle runs Miller-Rabin tests on every RSA public key it parses (the peer's RSA client certificate
/// here); the environment variable Org.BouncyCastle.Rsa.MaxMRTests=0 turns that off.
/// </remarks>
[MemoryDiagnoser]
public class EapTlsBenchmarks
{
    private readonly Stopwatch _serverTime = new();
    private EapTlsMethodFactory _factory = null!;
    private TestPki _pki = null!;
    private FakeUserDirectory _users = null!;
    private int _authentications;

    [Params(TestKeyKind.Ecdsa, TestKeyKind.Rsa)]
    public TestKeyKind Key { get; set; }

    [Params(12, 13)]
    public int Tls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pki = new TestPki(Key);
        var options = _pki.Options(fragmentSize: EapTlsOptions.DefaultFragmentSize);
        _factory = new EapTlsMethodFactory(MsOptions.Create(options), NullLoggerFactory.Instance, TimeProvider.System);
        _users = new FakeUserDirectory(new Dictionary<string, string> { ["alice"] = "correct horse" });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _factory.Dispose();
        if (_authentications > 0)
        {
            Console.WriteLine($"// server share ({Key}, TLS 1.{Tls - 10}): {_serverTime.Elapsed.TotalMilliseconds / _authentications:F3} ms per authentication over {_authentications}");
        }

        _pki.Dispose();
    }

    [Benchmark]
    public Task EapTls() => RunAsync(EapType.Tls, _pki.Client, phase2: null);

    [Benchmark]
    public Task PeapMsChapV2() => RunAsync(EapType.Peap, null, new PeapTestPhase2("alice", "correct horse").Handle);

    private async Task RunAsync(EapType type, System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate, Func<byte[], byte[]?>? phase2)
    {
        var client = new TestTlsClient(Tls == 13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12, (byte)type, _pki.ServerCertificateDer, clientCertificate);
        var created = _factory.Create(type)!;
        var method = new TimedMethod(created, _serverTime);
        var step = await new TestEapPeer(client, 1398, phase2).RunAsync(method, new EapMethodContext("alice", "bench", _users, TimeProvider.System));
        (created as IDisposable)?.Dispose();
        if (step.Kind != EapStepKind.Success)
        {
            throw new InvalidOperationException($"{type} did not succeed");
        }

        _authentications++;
    }

    private sealed class TimedMethod(IEapMethod inner, Stopwatch time) : IEapMethod
    {
        public EapType Type => inner.Type;

        public EapStep Start(EapMethodContext context)
        {
            time.Start();
            try
            {
                return inner.Start(context);
            }
            finally
            {
                time.Stop();
            }
        }

        public async ValueTask<EapStep> ProcessAsync(ReadOnlyMemory<byte> typeData, EapMethodContext context)
        {
            time.Start();
            try
            {
                return await inner.ProcessAsync(typeData, context);
            }
            finally
            {
                time.Stop();
            }
        }
    }
}
