using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Benchmarks;

/// <summary>
/// Why the codec hashes through a managed MD5: the platform's one-shot digests (OpenSSL 3 on Linux)
/// against <see cref="Md5"/>, on a packet of typical Access-Request size, side by side in one run.
/// </summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private readonly byte[] _packet = RandomNumberGenerator.GetBytes(120);
    private readonly byte[] _secret = "testing123-a-longer-shared-secret"u8.ToArray();
    private readonly byte[] _digest = new byte[16];

    [Benchmark(Baseline = true)]
    public void HmacMd5Platform() => HMACMD5.HashData(_secret, _packet, _digest);

    [Benchmark]
    public void HmacMd5Managed() => Md5.Hmac(_secret, _packet, _digest);

    [Benchmark]
    public void Md5Platform() => MD5.HashData(_packet, _digest);

    [Benchmark]
    public void Md5Managed() => Md5.HashData(_packet, _digest);
}
