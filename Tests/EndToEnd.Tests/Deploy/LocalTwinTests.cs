using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Radius.EndToEnd.Tests.Accounting;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// The deployment's process-level twin (deploy/local/run.sh: Valkey, three silos, two gateways, configured
/// from deploy/config like the compose file) does what deploy/README.md promises: radtest and an EAP peer
/// authenticate through it, and while a radload accounting burst and a NAS with both gateways configured
/// (primary and secondary) send records, a silo and a gateway are killed with SIGKILL and no acknowledged
/// record is lost or stored twice. Then <c>run.sh stop</c> stops every process it started.
/// </summary>
public sealed partial class LocalTwinTests(ITestOutputHelper output)
{
    private const int RadloadSessions = 1500;
    private const int NasSessions = 250;

    private static string Secret => LocalTwin.Setting("secrets", "Clients__0__Secret");

    [Fact]
    public async Task The_twin_authenticates_and_keeps_every_acknowledged_record_while_a_silo_and_a_gateway_are_killed()
    {
        await using var twin = new LocalTwin();
        await twin.StartAsync();
        output.WriteLine(twin.StartOutput);

        await RadtestAcceptsAsync(twin);
        await EapMsChapV2SucceedsAsync(twin);

        // radload keeps to gateway 1 (it knows one server); the NAS prefers gateway 2 and falls back to gateway 1.
        var nas = new TwinNas(AcctRequests.NewSessionId("twin"), [twin.Acct(2), twin.Acct(1)], Secret);
        var burst = RadLoad.RunAsync(
        [
            "-s", $"127.0.0.1:{twin.AcctPorts[0].ToString(CultureInfo.InvariantCulture)}", "-S", Secret, "-m", "acct",
            "-n", (2 * RadloadSessions).ToString(CultureInfo.InvariantCulture), "-R", "400", "-w", "32", "-t", "1000", "-r", "3",
        ], TimeSpan.FromSeconds(60));
        var paced = nas.RunAsync(NasSessions, requestsPerSecond: 100);

        await Task.Delay(TimeSpan.FromSeconds(2));
        await twin.KillAsync("silo-1");
        output.WriteLine("kill -9 silo-1, 2 s into the load");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await twin.KillAsync("gateway-2");
        output.WriteLine("kill -9 gateway-2 (the NAS's primary), 4 s into the load");

        var radload = RadLoad.ResultLine(await burst);
        await paced;
        output.WriteLine(radload);
        output.WriteLine($"NAS: acknowledged={nas.Acknowledged.Count} unanswered={nas.Unanswered.Count} retransmissions={nas.Retransmissions}");

        var stored = await ReadStreamAsync(twin);
        AssertRadloadRecordsStoredOnce(radload, stored, twin);
        AssertNasRecordsStoredOnce(nas, stored, twin);

        var pids = twin.Pids();
        var stop = await twin.StopAsync();
        Assert.True(stop.ExitCode == 0, stop.Output);
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"pid {pid} still running after run.sh stop:\n{stop.Output}"));
    }

    private async Task RadtestAcceptsAsync(LocalTwin twin)
    {
        var user = LocalTwin.Setting("radius", "Users__0__UserName");
        var password = LocalTwin.Setting("secrets", "Users__0__Password");
        var server = $"127.0.0.1:{twin.AuthPorts[0].ToString(CultureInfo.InvariantCulture)}";
        var result = await Radclient.RadtestAsync("pap", user, password, server, Secret);
        output.WriteLine($"radtest through gateway-1: exit {result.ExitCode}");
        Assert.True(result.StandardOutput.Contains("Received Access-Accept", StringComparison.Ordinal), $"{result.Output}\n{twin.Logs()}");
    }

    private async Task EapMsChapV2SucceedsAsync(LocalTwin twin)
    {
        var directory = Directory.CreateTempSubdirectory("radius-twin-eap-").FullName;
        try
        {
            var config = EapolTest.WriteConfig(directory, new EapolNetwork(
                "MSCHAPV2", LocalTwin.Setting("radius", "Users__1__UserName"), LocalTwin.Setting("secrets", "Users__1__Password")));
            var result = await EapolTest.RunAsync(config, twin.Auth(2), Secret);
            output.WriteLine($"eapol_test EAP-MSCHAPv2 through gateway-2: exit {result.ExitCode}");
            Assert.True(result.Succeeded && result.ExitCode == 0, $"{EapolTest.Summary(result)}\n{twin.Logs()}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Dictionary<(string Session, string Status), int>> ReadStreamAsync(LocalTwin twin)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(twin.ValkeyConnectionString);
        var entries = await new AccountingStream(redis.GetDatabase(), LocalTwin.Setting("radius", "Accounting__StreamKey")).ReadAllAsync();
        return entries
            .GroupBy(entry => (entry["session_id"], entry["status"]))
            .ToDictionary(group => group.Key, group => group.Count());
    }

    // radload reports counts, not which request got which answer: with no request left unanswered, every
    // one of its records was acknowledged, so each must be in the stream exactly once.
    private static void AssertRadloadRecordsStoredOnce(string result, Dictionary<(string Session, string Status), int> stored, LocalTwin twin)
    {
        Assert.True(RadLoad.Counter(result, "timeout") == 0, $"radload requests unanswered after its retries: {result}\n{twin.Logs()}");
        var acknowledged = RadLoad.Counter(result, "acct_resp");
        Assert.Equal(2 * RadloadSessions, acknowledged);
        var records = stored.Where(pair => RadloadSessionId().IsMatch(pair.Key.Session)).ToList();
        Assert.True(records.All(pair => pair.Value == 1), $"radload records stored more than once: {string.Join(", ", records.Where(p => p.Value > 1).Take(10))}");
        Assert.True(records.Count == acknowledged, $"radload: {acknowledged} acknowledged, {records.Count} distinct records stored");
    }

    private static void AssertNasRecordsStoredOnce(TwinNas nas, Dictionary<(string Session, string Status), int> stored, LocalTwin twin)
    {
        var missing = nas.Acknowledged.Where(key => !stored.ContainsKey(key)).ToList();
        var duplicated = stored.Where(pair => pair.Key.Session.StartsWith(nas.Prefix, StringComparison.Ordinal) && pair.Value > 1).ToList();
        Assert.True(missing.Count == 0, $"acknowledged but not stored: {string.Join(", ", missing.Take(10))}\n{twin.Logs()}");
        Assert.True(duplicated.Count == 0, $"stored more than once: {string.Join(", ", duplicated.Take(10))}");
        Assert.True(nas.Unanswered.Count == 0, $"unanswered by both gateways within the NAS's retries: {string.Join(", ", nas.Unanswered.Take(10))}\n{twin.Logs()}");
        Assert.Equal(2 * NasSessions, nas.Acknowledged.Count);
    }

    // A killed process may stay a zombie until whichever process adopted it reaps it: that counts as gone.
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            // "pid (comm) state …": the state follows the last ')'.
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    // radload's Acct-Session-Id: "<run id, 8 hex>-<session number, 12 hex>".
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{12}$")]
    private static partial Regex RadloadSessionId();
}
