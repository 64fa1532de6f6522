using System.Globalization;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// Three hosts made of network namespaces, joined by veth pairs created directly inside them, so nothing
/// is bound or routed outside this run's namespaces:
/// <code>
///   NAS 203.0.113.10 ── 203.0.113.1 (the VIP) LB 198.51.100.1 ── 198.51.100.21 + .22 gateway host
/// </code>
/// The gateway host's default route goes via the load balancer, as deploy/nginx/radius-udp.conf requires.
/// Names carry this process's id and a random part, so parallel runs never clash and a later run can tell a
/// namespace left by a dead run (its process is gone) from one in use. Disposing kills every process still
/// in the namespaces and deletes them, which takes their links, addresses, routes, rules and firewall
/// tables with them.
/// </summary>
internal sealed class NetworkLab : IAsyncDisposable
{
    public const string NasAddress = "203.0.113.10";
    public const string Vip = "203.0.113.1";
    public const string GatewayNetwork = "198.51.100.0/24";
    public const string LoadBalancerGatewaySide = "198.51.100.1";
    public static readonly IReadOnlyList<string> GatewayAddresses = ["198.51.100.21", "198.51.100.22"];

    private const string Prefix = "radius-nginx-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);
    private readonly List<string> _created = [];

    private NetworkLab(string id)
    {
        Nas = $"{Prefix}{id}-nas";
        LoadBalancer = $"{Prefix}{id}-lb";
        Gateways = $"{Prefix}{id}-gw";
    }

    public string Nas { get; }

    public string LoadBalancer { get; }

    public string Gateways { get; }

    /// <summary>Creates the namespaces, links, addresses and routes; on any failure removes what it made.</summary>
    public static async Task<NetworkLab> CreateAsync()
    {
        await RemoveAbandonedAsync();
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
        var lab = new NetworkLab(id);
        try
        {
            await lab.BuildAsync();
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="command"/> inside <paramref name="networkNamespace"/> (ip netns exec).</summary>
    public static Task<ToolResult> ExecAsync(string networkNamespace, IEnumerable<string> command, TimeSpan? timeout = null, string? standardInput = null) =>
        ToolRunner.RunAsync(Ip, ["netns", "exec", networkNamespace, .. command], standardInput, timeout ?? CommandTimeout);

    /// <summary>Like <see cref="ExecAsync"/>, failing with the command's output unless it exits 0.</summary>
    public static async Task<string> MustExecAsync(string networkNamespace, params string[] command)
    {
        var result = await ExecAsync(networkNamespace, command);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"in {networkNamespace}: '{string.Join(' ', command)}' exited {result.ExitCode}: {result.Output}");
    }

    /// <summary>Starts a long-running process inside <paramref name="networkNamespace"/>; ip execs it, so its PID is the process's own.</summary>
    public static ManagedProcess Start(string name, string networkNamespace, IEnumerable<string> command) =>
        ManagedProcess.Start(name, Ip, ["netns", "exec", networkNamespace, .. command]);

    public async ValueTask DisposeAsync()
    {
        foreach (var name in Enumerable.Reverse(_created))
        {
            await RemoveAsync(name);
        }

        _created.Clear();
    }

    private static string Ip => ToolRunner.Require("ip", "iproute2");

    private async Task BuildAsync()
    {
        foreach (var name in new[] { Nas, LoadBalancer, Gateways })
        {
            await IpAsync("netns", "add", name);
            _created.Add(name);
            await IpAsync("-n", name, "link", "set", "lo", "up");
        }

        await LinkAsync(Nas, "nas0", $"{NasAddress}/24", LoadBalancer, "nas-side", $"{Vip}/24");
        await LinkAsync(Gateways, "gw0", $"{GatewayAddresses[0]}/24", LoadBalancer, "gw-side", $"{LoadBalancerGatewaySide}/24");
        await IpAsync("-n", Gateways, "addr", "add", $"{GatewayAddresses[1]}/24", "dev", "gw0");
        await IpAsync("-n", Nas, "route", "add", "default", "via", Vip);
        // Replies to the NAS must go back through the load balancer: it alone holds the NAS's flows.
        await IpAsync("-n", Gateways, "route", "add", "default", "via", LoadBalancerGatewaySide);
    }

    private static async Task LinkAsync(string left, string leftName, string leftAddress, string right, string rightName, string rightAddress)
    {
        await IpAsync("link", "add", leftName, "netns", left, "type", "veth", "peer", "name", rightName, "netns", right);
        await IpAsync("-n", left, "addr", "add", leftAddress, "dev", leftName);
        await IpAsync("-n", right, "addr", "add", rightAddress, "dev", rightName);
        await IpAsync("-n", left, "link", "set", leftName, "up");
        await IpAsync("-n", right, "link", "set", rightName, "up");
    }

    private static async Task IpAsync(params string[] arguments)
    {
        var result = await ToolRunner.RunAsync(Ip, arguments, timeout: CommandTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Output}");
        }
    }

    // Every process in one of this lab's namespaces was started by this run, so whatever is still there is
    // killed by PID before the namespace goes (a namespace with live processes would outlive its deletion).
    private static async Task RemoveAsync(string name)
    {
        var pids = await ToolRunner.RunAsync(Ip, ["netns", "pids", name], timeout: CommandTimeout);
        foreach (var line in pids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                await KillAsync(pid);
            }
        }

        await ToolRunner.RunAsync(Ip, ["netns", "del", name], timeout: CommandTimeout);
    }

    private static async Task KillAsync(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return;
        }

        for (var i = 0; i < 50 && IsAlive(pid); i++)
        {
            await Task.Delay(100);
        }
    }

    // A killed process may stay a zombie until whichever process adopted it reaps it: that counts as gone.
    private static bool IsAlive(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    // A run killed before its cleanup leaves namespaces behind; their names say which process made them.
    private static async Task RemoveAbandonedAsync()
    {
        var list = await ToolRunner.RunAsync(Ip, ["netns", "list"], timeout: CommandTimeout);
        foreach (var name in list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]))
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(name[Prefix.Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                && !Directory.Exists($"/proc/{owner.ToString(CultureInfo.InvariantCulture)}"))
            {
                await RemoveAsync(name);
            }
        }
    }
}
