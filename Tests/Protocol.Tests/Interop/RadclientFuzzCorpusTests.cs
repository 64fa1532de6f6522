using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;
using Orleans.Radius.Tests.Support;
using static Orleans.Radius.Protocol.Tests.Interop.InteropSetup;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>
/// The fuzz target's seed corpus holds one real radclient packet of each kind (Tests/Protocol.Fuzz/corpus/radclient-*.bin).
/// These tests keep the seeds honest: each must still look like what radclient sends today (same code, same
/// attributes in the same order) and verify under the fuzz target's secret, so a fuzzer starting from it
/// reaches the Message-Authenticator and authenticator checks. Run with RADIUS_WRITE_FUZZ_CORPUS=1 to
/// capture the seeds afresh.
/// </summary>
public class RadclientFuzzCorpusTests
{
    // The secret Tests/Protocol.Fuzz/FuzzTargets.cs checks with.
    private const string FuzzSecret = "fuzzing-secret";

    private const string WriteVariable = "RADIUS_WRITE_FUZZ_CORPUS";

    [Theory]
    [InlineData("access-request-pap")]
    [InlineData("access-request-chap")]
    [InlineData("access-request-mschap")]
    [InlineData("access-request-mschapv2")]
    [InlineData("access-request-vsa-tunnel")]
    [InlineData("accounting-request")]
    [InlineData("status-server")]
    public async Task Committed_seed_matches_what_radclient_sends_and_verifies(string kind)
    {
        await using var responder = StartResponder(FuzzSecret);
        var result = await CaptureAsync(kind, responder.Server);
        Assert.True(result.ExitCode == 0, result.Output);
        var fresh = await responder.WaitForRequestAsync(0);
        Assert.Null(fresh.DropReason);

        var path = Path.Combine(FindRepositoryRoot(), "Tests", "Protocol.Fuzz", "corpus", $"radclient-{kind}.bin");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, fresh.Datagram);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run these tests once with {WriteVariable}=1");
        var seed = await File.ReadAllBytesAsync(path);
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(seed, out var reader));
        Assert.Equal(fresh.Code, reader.Code);
        Assert.Equal(fresh.Attributes.Select(a => a.Type), AttributeTypes(reader));
        var messageAuthenticator = RadiusSigner.CheckRequestMessageAuthenticator(reader, Encoding.UTF8.GetBytes(FuzzSecret));
        Assert.Equal(fresh.MessageAuthenticator, messageAuthenticator);
        Assert.NotEqual(MessageAuthenticatorCheck.Invalid, messageAuthenticator);
        if (RadiusCodes.HasComputedRequestAuthenticator(reader.Code))
        {
            Assert.True(RadiusSigner.VerifyComputedRequestAuthenticator(seed, Encoding.UTF8.GetBytes(FuzzSecret)));
        }
    }

    private static List<byte> AttributeTypes(in RadiusPacketReader reader)
    {
        var types = new List<byte>();
        foreach (var attribute in reader)
        {
            types.Add(attribute.Type);
        }

        return types;
    }

    private static Task<ToolResult> CaptureAsync(string kind, string server) => kind switch
    {
        "access-request-pap" => RadClient.SendAsync(server, "auth", FuzzSecret, $"""
            User-Name = "{Alice}"
            User-Password = "{AlicePassword}"
            NAS-IP-Address = 127.0.0.1
            NAS-Port = 7
            Message-Authenticator = 0x00
            """),
        "access-request-chap" => RadClient.RadtestAsync("chap", Alice, AlicePassword, server, FuzzSecret),
        "access-request-mschap" => RadClient.RadtestAsync("mschap", Alice, AlicePassword, server, FuzzSecret),
        "access-request-mschapv2" => RadClient.SendAsync(server, "auth", FuzzSecret, MsChapV2Input()),
        "access-request-vsa-tunnel" => RadClient.SendAsync(server, "auth", FuzzSecret, $"""
            User-Name = "{Alice}"
            User-Password = "{AlicePassword}"
            Cisco-AVPair = "foo=bar"
            Tunnel-Type:1 = VLAN
            Tunnel-Medium-Type:1 = IEEE-802
            Tunnel-Private-Group-Id:2 = "7"
            Message-Authenticator = 0x00
            """),
        "accounting-request" => RadClient.SendAsync(server, "acct", FuzzSecret, $"""
            User-Name = "{Alice}"
            Acct-Status-Type = Stop
            Acct-Session-Id = "fuzz-seed-1"
            Acct-Session-Time = 120
            Acct-Input-Octets = 1234
            Acct-Terminate-Cause = User-Request
            NAS-IP-Address = 127.0.0.1
            Message-Authenticator = 0x00
            """),
        "status-server" => RadClient.SendAsync(server, "status", FuzzSecret, "Message-Authenticator = 0x00\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown seed kind"),
    };

    private static string MsChapV2Input()
    {
        var authenticatorChallenge = RandomNumberGenerator.GetBytes(MsChapV2.ChallengeLength);
        var peerChallenge = RandomNumberGenerator.GetBytes(MsChapV2.ChallengeLength);
        var ntHash = new byte[NtPasswordHash.Length];
        NtPasswordHash.Compute(AlicePassword, ntHash);
        var ntResponse = new byte[MsChapV2.NtResponseLength];
        MsChapV2.GenerateNtResponse(authenticatorChallenge, peerChallenge, Encoding.UTF8.GetBytes(Alice), ntHash, ntResponse);
        byte[] response = [0x01, 0x00, .. peerChallenge, .. new byte[8], .. ntResponse];
        return $"""
            User-Name = "{Alice}"
            MS-CHAP-Challenge = {RadclientOutput.Octets(authenticatorChallenge)}
            MS-CHAP2-Response = {RadclientOutput.Octets(response)}
            Message-Authenticator = 0x00
            """;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.Radius.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Orleans.Radius.sln above {AppContext.BaseDirectory}");
    }
}
