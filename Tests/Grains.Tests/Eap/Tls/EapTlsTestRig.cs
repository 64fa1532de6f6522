using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Tls;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Eap.Methods;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>Builds a server method and a peer for one conversation.</summary>
internal static class EapTlsTestRig
{
    public const int PeerFragmentSize = 150;

    public static readonly Dictionary<string, string> Passwords = new() { ["alice"] = "correct horse", ["bob"] = "battery staple" };

    public static IEapMethod CreateMethod(EapType type, EapTlsOptions options) =>
        new EapTlsMethodFactory(MsOptions.Create(options), NullLoggerFactory.Instance, TimeProvider.System).Create(type)
            ?? throw new InvalidOperationException($"{type} is not supported with these options");

    public static EapMethodContext Context(IEapUserDirectory users, string identity = "anonymous") =>
        new(identity, "test-nas", users, TimeProvider.System);

    public static TestTlsClient Client(TestPki pki, int version, EapType type, X509Certificate2? clientCertificate = null, int[]? groups = null) =>
        new(version == 13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12, (byte)type, pki.ServerCertificateDer, clientCertificate, groups);
}
