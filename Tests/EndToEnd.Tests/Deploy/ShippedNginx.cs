using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// nginx run in the lab's load-balancer namespace with deploy/nginx/radius-udp.conf itself, as its header
/// says (<c>nginx -c FILE</c>, as root, daemonised). The file is copied with these substitutions only, each
/// checked to apply exactly where expected so a changed file fails loudly instead of being half-used:
/// <list type="bullet">
/// <item>the example gateways 192.0.2.21 and 192.0.2.22 in the <c>server</c> lines become the lab's gateways;</item>
/// <item>the <c>pid</c> and <c>error_log</c> paths move into a temporary directory.</item>
/// </list>
/// The policy routing is taken from the file's own comment lines (<c>iptables …</c>, <c>ip rule …</c>,
/// <c>ip route …</c>) with GATEWAY_NET replaced, and run in the load-balancer namespace.
/// </summary>
internal sealed partial class ShippedNginx : IAsyncDisposable
{
    private const int ExpectedRoutingCommands = 4;
    private readonly string _directory = Directory.CreateTempSubdirectory("radius-nginx-").FullName;
    private readonly string _namespace;
    private int? _masterPid;

    private ShippedNginx(string networkNamespace)
    {
        _namespace = networkNamespace;
    }

    public static string ShippedFile => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(LocalTwin.Script)!, "..", "nginx", "radius-udp.conf"));

    public string ConfigPath => Path.Combine(_directory, "radius-udp.conf");

    public string ErrorLogPath => Path.Combine(_directory, "radius-udp.error.log");

    private string PidPath => Path.Combine(_directory, "nginx.pid");

    /// <summary>Applies the file's policy routing in the load-balancer namespace, then starts nginx there.</summary>
    public static async Task<ShippedNginx> StartAsync(NetworkLab lab)
    {
        var nginx = new ShippedNginx(lab.LoadBalancer);
        try
        {
            var shipped = await File.ReadAllTextAsync(ShippedFile);
            await File.WriteAllTextAsync(nginx.ConfigPath, nginx.Substitute(shipped));
            foreach (var command in RoutingCommands(shipped))
            {
                await NetworkLab.MustExecAsync(lab.LoadBalancer, command);
            }

            await nginx.RunAsync();
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    /// <summary>What nginx logged (warn and above).</summary>
    public string ErrorLog() => File.Exists(ErrorLogPath) ? File.ReadAllText(ErrorLogPath) : "(no error log)";

    public async ValueTask DisposeAsync()
    {
        // SIGTERM is nginx's fast shutdown: the master stops its workers. Whatever remains goes with the namespace.
        if (_masterPid is { } pid)
        {
            await ToolRunner.RunAsync(ToolRunner.Require("kill", "procps"), ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
            for (var i = 0; i < 50 && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"); i++)
            {
                await Task.Delay(100);
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private string Substitute(string shipped)
    {
        var text = shipped;
        text = ReplaceExactly(text, ServerLine("192.0.2.21"), $"${{head}}{NetworkLab.GatewayAddresses[0]}:", 2);
        text = ReplaceExactly(text, ServerLine("192.0.2.22"), $"${{head}}{NetworkLab.GatewayAddresses[1]}:", 2);
        text = ReplaceExactly(text, PidDirective(), $"pid {PidPath};", 1);
        return ReplaceExactly(text, ErrorLogDirective(), $"error_log {ErrorLogPath} ", 1);
    }

    private static IEnumerable<string[]> RoutingCommands(string shipped)
    {
        var commands = RoutingComment().Matches(shipped)
            .Select(match => match.Groups["command"].Value.Trim().Replace("GATEWAY_NET", NetworkLab.GatewayNetwork, StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => (string[])[ToolRunner.Require(words[0], words[0] == "ip" ? "iproute2" : words[0]), .. words[1..]])
            .ToList();
        Assert.True(commands.Count == ExpectedRoutingCommands, $"{ShippedFile}: expected {ExpectedRoutingCommands} routing commands in its comments, found {commands.Count}");
        return commands;
    }

    private async Task RunAsync()
    {
        // -e: nginx opens its default error log before reading the file; keep that in the temporary directory too.
        await NetworkLab.MustExecAsync(_namespace, ToolRunner.Require("nginx", "nginx"), "-c", ConfigPath, "-e", ErrorLogPath);
        for (var i = 0; i < 100 && !File.Exists(PidPath); i++)
        {
            await Task.Delay(100);
        }

        // The daemon writes its PID file once its listening sockets are open.
        Assert.True(File.Exists(PidPath), $"nginx wrote no PID file:\n{ErrorLog()}");
        _masterPid = int.Parse((await File.ReadAllTextAsync(PidPath)).Trim(), CultureInfo.InvariantCulture);
    }

    private static string ReplaceExactly(string text, Regex pattern, string replacement, int expected)
    {
        var count = pattern.Count(text);
        Assert.True(count == expected, $"{ShippedFile}: expected {expected} match(es) of {pattern}, found {count}");
        return pattern.Replace(text, replacement);
    }

    private static Regex ServerLine(string address) =>
        new($@"^(?<head>\s*server\s+){Regex.Escape(address)}:", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^pid\s+[^;]+;", RegexOptions.Multiline)]
    private static partial Regex PidDirective();

    [GeneratedRegex(@"^error_log\s+\S+\s", RegexOptions.Multiline)]
    private static partial Regex ErrorLogDirective();

    [GeneratedRegex(@"^#\s+(?<command>(?:iptables|ip rule|ip route) [^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex RoutingComment();
}
