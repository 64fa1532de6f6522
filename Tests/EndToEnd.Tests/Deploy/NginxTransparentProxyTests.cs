using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orleans.Radius.Tests.Support;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/nginx/radius-udp.conf run as an operator runs it, on three hosts made of network namespaces (see
/// <see cref="NetworkLab"/>): the NAS sends to the load balancer's VIP, nginx forwards with the NAS's own
/// address (<c>proxy_bind $remote_addr transparent</c>) to two gateways of the process-level twin
/// (deploy/local/run.sh: Valkey, three silos, two gateways on two addresses of one host), and the replies come
/// back through nginx. The only NAS client the twin knows besides loopback is the NAS's address, with its own
/// secret: an Access-Accept proves the gateway saw the NAS's real address. Then the gateway the NAS hashes to
/// is killed with SIGKILL in the middle of a paced accounting burst, and every request is still answered on a
/// retransmission by the other gateway; a single Access-Request sent afterwards is answered the same way.
/// </summary>
public sealed partial class NginxTransparentProxyTests(ITestOutputHelper output)
{
    private const int AuthPort = 1812;
    private const int AcctPort = 1813;
    private const int BurstRequests = 200;
    private const int BurstRate = 50;
    private const int KillAfterAnswered = 40;
    private static readonly TimeSpan ConditionTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_shipped_nginx_profile_keeps_the_nas_address_and_fails_over_to_the_other_gateway_without_losing_a_request()
    {
        var secret = "nginx-nas-" + Guid.NewGuid().ToString("N")[..12];
        await using var lab = await NetworkLab.CreateAsync();
        await using var twin = new LocalTwin(new TwinPlacement(lab.Gateways, NetworkLab.GatewayAddresses, AuthPort, AcctPort, new Dictionary<string, string>
        {
            ["Clients__1__Name"] = "nas-behind-nginx",
            ["Clients__1__Address"] = NetworkLab.NasAddress,
            ["Clients__1__Secret"] = secret,
        }));
        await using var nginx = await ShippedNginx.StartAsync(lab);
        await twin.StartAsync();
        output.WriteLine(twin.StartOutput);
        var diagnostics = () => $"===== nginx error log =====\n{nginx.ErrorLog()}\n{twin.Logs()}";

        // 1. Authentication and accounting through the VIP.
        var user = LocalTwin.Setting("radius", "Users__0__UserName");
        var password = LocalTwin.Setting("secrets", "Users__0__Password");
        var radtest = await NetworkLab.ExecAsync(lab.Nas,
            [ToolRunner.Require("radtest", "freeradius-utils"), "-t", "pap", user, password, NetworkLab.Vip, "0", secret], TimeSpan.FromSeconds(40));
        output.WriteLine($"radtest via the VIP: exit {radtest.ExitCode}");
        Assert.True(radtest.StandardOutput.Contains("Received Access-Accept", StringComparison.Ordinal), $"{radtest.Output}\n{diagnostics()}");

        var start = await RadclientAsync(lab, "acct", AccountingStart("nginx-first", 1), secret, retries: 3);
        Assert.True(start.StandardOutput.Contains("Received Accounting-Response", StringComparison.Ordinal), $"{start.Output}\n{diagnostics()}");

        // 2. Which gateway nginx sends this NAS to (hash $remote_addr consistent): the one that counted its requests.
        var counters = await Task.WhenAll(Enumerable.Range(1, 2).Select(gateway => CountersAsync(lab, twin, gateway)));
        var authGateway = Assert.Single(Enumerable.Range(1, 2), g => counters[g - 1].Accepts > 0);
        var acctGateway = Assert.Single(Enumerable.Range(1, 2), g => counters[g - 1].Responses > 0);
        // Both listeners hash the same NAS address over rings built from different ports; with the lab's fixed
        // addresses they agree, which lets one kill exercise both. Other addresses might need another kill.
        Assert.True(authGateway == acctGateway, $"auth went to gateway-{authGateway}, accounting to gateway-{acctGateway}");
        var victim = acctGateway;
        var survivor = 3 - victim;
        output.WriteLine($"the NAS hashes to gateway-{victim} ({NetworkLab.GatewayAddresses[victim - 1]})");

        // 3. A paced accounting burst (radclient: 20 in parallel, 50/s, 1 s timeout, 3 retries); the NAS's gateway
        //    is killed once it has answered part of it.
        var before = await CountersAsync(lab, twin, survivor);
        var clock = Stopwatch.StartNew();
        var burst = RadclientAsync(lab, "acct", BurstFile(), secret, retries: 3, parallel: 20, rate: BurstRate);
        var answeredBefore = counters[victim - 1].Responses;
        await AwaitAsync(async () => (await CountersAsync(lab, twin, victim)).Responses >= answeredBefore + KillAfterAnswered, "the burst to reach the NAS's gateway");
        await twin.KillAsync($"gateway-{victim.ToString(CultureInfo.InvariantCulture)}");
        var killedAt = clock.Elapsed;
        var result = await burst;
        var burstTook = clock.Elapsed;
        var after = await CountersAsync(lab, twin, survivor);
        var sent = SentCount(result.StandardOutput, "Accounting-Request");
        output.WriteLine(
            $"burst: kill -9 gateway-{victim} at {killedAt.TotalSeconds:F2} s; {BurstRequests} requests done in {burstTook.TotalSeconds:F2} s "
            + $"({BurstRequests / (double)BurstRate:F1} s paced); {sent - BurstRequests} retransmissions; "
            + $"gateway-{survivor} answered {after.Responses - before.Responses}\n{Summary(result.StandardOutput)}");
        Assert.True(result.ExitCode == 0 && Counter(result.StandardOutput, "Lost") == 0, $"{Summary(result.StandardOutput)}\n{result.StandardError}\n{diagnostics()}");
        Assert.Equal(BurstRequests, Counter(result.StandardOutput, "Accepted"));
        Assert.True(after.Responses > before.Responses, $"gateway-{survivor} answered none of the burst");

        // 4. nginx's auth upstream has not met the dead gateway yet: a new Access-Request goes there first, and
        //    the NAS's retransmission is answered by the survivor.
        clock.Restart();
        var auth = await RadclientAsync(lab, "auth", $"User-Name = \"{user}\"\nUser-Password = \"{password}\"\nMessage-Authenticator = 0x00\n", secret, retries: 3);
        var authTook = clock.Elapsed;
        var transmissions = SentCount(auth.StandardOutput, "Access-Request");
        output.WriteLine(
            $"Access-Request after the kill: answered in {authTook.TotalSeconds:F2} s after {transmissions} transmissions"
            + (auth.Output.Contains("Received bad packet", StringComparison.Ordinal) ? " (nginx sent the NAS an empty datagram when the gateway refused)" : ""));
        Assert.True(auth.StandardOutput.Contains("Received Access-Accept", StringComparison.Ordinal), $"{auth.Output}\n{diagnostics()}");
        Assert.True(transmissions >= 2, $"expected the first transmission to reach the dead gateway:\n{auth.Output}");
        Assert.True((await CountersAsync(lab, twin, survivor)).Accepts > after.Accepts, $"gateway-{survivor} did not accept:\n{diagnostics()}");
        output.WriteLine($"nginx error log:\n{nginx.ErrorLog()}");
    }

    private static Task<ToolResult> RadclientAsync(NetworkLab lab, string command, string input, string secret, int retries, int parallel = 1, int rate = 0)
    {
        var server = $"{NetworkLab.Vip}:{(command == "auth" ? AuthPort : AcctPort).ToString(CultureInfo.InvariantCulture)}";
        List<string> arguments = [ToolRunner.Require("radclient", "freeradius-utils"), "-r", Text(retries), "-t", "1", "-p", Text(parallel), "-s"];
        if (rate > 0)
        {
            arguments.AddRange(["-n", Text(rate)]);
        }

        arguments.AddRange([server, command, secret]);
        return NetworkLab.ExecAsync(lab.Nas, arguments, TimeSpan.FromSeconds(60), input);
    }

    private static string AccountingStart(string session, int port) =>
        $"User-Name = \"nginx-nas\"\nAcct-Status-Type = Start\nAcct-Session-Id = \"{session}\"\nNAS-Port = {Text(port)}\n";

    // One Start per session: radclient sends in parallel, so a Start and its Stop could arrive in either order.
    private static string BurstFile()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var text = new StringBuilder();
        for (var i = 0; i < BurstRequests; i++)
        {
            text.Append(AccountingStart(string.Create(CultureInfo.InvariantCulture, $"nginx-{run}-{i:D4}"), i)).Append('\n');
        }

        return text.ToString();
    }

    private static async Task<(long Accepts, long Responses)> CountersAsync(NetworkLab lab, LocalTwin twin, int gateway)
    {
        var url = $"http://127.0.0.1:{Text(twin.GatewayHttpPorts[gateway - 1])}/metrics";
        var metrics = await NetworkLab.MustExecAsync(lab.Gateways, ToolRunner.Require("curl", "curl"), "-fsS", "--max-time", "3", url);
        long Sum(string code, string outcome) => RequestCounter().Matches(metrics)
            .Where(match => match.Groups["code"].Value == code && match.Groups["outcome"].Value == outcome)
            .Sum(match => long.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
        return (Sum("Access-Request", "accept"), Sum("Accounting-Request", "response"));
    }

    private static async Task AwaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < ConditionTimeout, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    private static int SentCount(string radclientOutput, string code) =>
        Regex.Count(radclientOutput, $@"^Sent {Regex.Escape(code)} Id ", RegexOptions.Multiline);

    // radclient -s: "Packet summary:" then "\tAccepted      : N", "\tLost          : N", …
    private static long Counter(string radclientOutput, string name)
    {
        var match = Regex.Match(radclientOutput, $@"^\s*{Regex.Escape(name)}\s*:\s*(\d+)\s*$", RegexOptions.Multiline);
        return match.Success
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"radclient printed no '{name}' count:\n{Summary(radclientOutput)}");
    }

    private static string Summary(string radclientOutput)
    {
        var index = radclientOutput.IndexOf("Packet summary", StringComparison.Ordinal);
        return index >= 0 ? radclientOutput[index..] : radclientOutput[Math.Max(0, radclientOutput.Length - 2000)..];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    // radius_requests_total{…,code="Accounting-Request",outcome="response"} 141
    [GeneratedRegex("""^radius_requests_total\{[^}]*code="(?<code>[^"]+)",outcome="(?<outcome>[^"]+)"\} (?<value>\d+)""", RegexOptions.Multiline)]
    private static partial Regex RequestCounter();
}
