using System.Globalization;
using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// <c>deploy/local/run.sh</c> driven as an operator drives it: started with free loopback ports, its nodes
/// found through the PID file it keeps, and stopped with <c>run.sh stop</c>. The settings (NAS secret, users)
/// are read from the same <c>deploy/config</c> files the script and the compose file use. With a
/// <see cref="TwinPlacement"/>, run.sh runs inside a network namespace standing in for a gateway host.
/// </summary>
internal sealed class LocalTwin : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(200);
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);
    private readonly string _directory = Directory.CreateTempSubdirectory("radius-twin-").FullName;
    private readonly Dictionary<string, string> _environment;
    private readonly TwinPlacement? _placement;
    private bool _started;

    /// <param name="placement">Where the twin runs; by default on the test's own loopback with free ports.</param>
    public LocalTwin(TwinPlacement? placement = null)
    {
        _placement = placement;
        AuthPorts = placement is null ? [FreePorts.Next(), FreePorts.Next()] : [placement.AuthPort, placement.AuthPort];
        AcctPorts = placement is null ? [FreePorts.Next(), FreePorts.Next()] : [placement.AcctPort, placement.AcctPort];
        _environment = new Dictionary<string, string>
        {
            ["TWIN_DIR"] = _directory,
            ["DOTNET"] = BuiltHosts.Dotnet,
            ["SILO_DLL"] = BuiltHosts.Silo,
            ["GATEWAY_DLL"] = BuiltHosts.Gateway,
            ["TWIN_READY_TIMEOUT"] = "180",
            ["VALKEY_PORT"] = Text(ValkeyPort),
            ["SILO_HTTP_PORTS"] = Ports(3),
            ["SILO_PORTS"] = Ports(3),
            ["SILO_GATEWAY_PORTS"] = Ports(3),
            ["GATEWAY_HTTP_PORTS"] = string.Join(' ', GatewayHttpPorts.Select(Text)),
            ["GATEWAY_AUTH_PORTS"] = string.Join(' ', AuthPorts.Select(Text)),
            ["GATEWAY_ACCT_PORTS"] = string.Join(' ', AcctPorts.Select(Text)),
        };
        if (placement is not null)
        {
            _environment["GATEWAY_ADDRESSES"] = string.Join(' ', placement.GatewayAddresses);
            foreach (var (key, value) in placement.Environment)
            {
                _environment[key] = value;
            }
        }
    }

    public static string Script => Path.Combine(RepositoryRoot.Value, "deploy", "local", "run.sh");

    public int ValkeyPort { get; } = FreePorts.Next();

    public string ValkeyConnectionString => $"127.0.0.1:{Text(ValkeyPort)}";

    public int[] AuthPorts { get; }

    public int[] AcctPorts { get; }

    /// <summary>Where each gateway serves <c>/health</c> and <c>/metrics</c> (on the loopback of the twin's network namespace).</summary>
    public int[] GatewayHttpPorts { get; } = [FreePorts.Next(), FreePorts.Next()];

    /// <summary>What <c>run.sh start</c> printed.</summary>
    public string StartOutput { get; private set; } = "";

    /// <summary>A value of <c>deploy/config/NAME.env</c>, e.g. <c>Clients__0__Secret</c> of <c>secrets</c>.</summary>
    public static string Setting(string file, string key)
    {
        var path = Path.Combine(RepositoryRoot.Value, "deploy", "config", file + ".env");
        var prefix = key + "=";
        return File.ReadLines(path).Single(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
    }

    public IPEndPoint Auth(int gateway) => new(IPAddress.Loopback, AuthPorts[gateway - 1]);

    public IPEndPoint Acct(int gateway) => new(IPAddress.Loopback, AcctPorts[gateway - 1]);

    public async Task StartAsync()
    {
        _started = true;
        var result = await RunScriptAsync("start", StartTimeout);
        StartOutput = result.Output;
        Assert.True(result.ExitCode == 0, $"run.sh start failed ({result.ExitCode}):\n{result.Output}");
    }

    public Task<ToolResult> StopAsync() => RunScriptAsync("stop", TimeSpan.FromSeconds(120));

    /// <summary>The PID run.sh recorded for a node ("silo-1", "gateway-2", "valkey").</summary>
    public int Pid(string name) =>
        int.Parse(
            File.ReadLines(PidFile).Select(line => line.Split(' ')).Single(parts => parts[0] == name)[1],
            CultureInfo.InvariantCulture);

    /// <summary>Every PID run.sh recorded (read before stopping, to check afterwards that they are gone).</summary>
    public IReadOnlyList<int> Pids() => [.. File.ReadLines(PidFile).Select(line => int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture))];

    /// <summary>kill -9 one node.</summary>
    public async Task KillAsync(string name)
    {
        using var process = System.Diagnostics.Process.GetProcessById(Pid(name));
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>The last lines each node logged, for failure messages.</summary>
    public string Logs() =>
        string.Join("\n", Directory.GetFiles(Path.Combine(_directory, "logs")).Order(StringComparer.Ordinal).Select(path =>
        {
            var text = File.ReadAllText(path);
            return $"===== {Path.GetFileName(path)} =====\n{(text.Length <= 4000 ? text : "…" + text[^4000..])}";
        }));

    public async ValueTask DisposeAsync()
    {
        if (_started && File.Exists(PidFile))
        {
            await StopAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still open by a dying process; the temporary directory goes with the machine's cleanup.
        }
    }

    private string PidFile => Path.Combine(_directory, "pids");

    private Task<ToolResult> RunScriptAsync(string command, TimeSpan timeout)
    {
        string[] script = ["env", .. _environment.Select(pair => $"{pair.Key}={pair.Value}"), "bash", Script, command];
        return _placement is null
            ? ToolRunner.RunAsync(ToolRunner.Require("env", "coreutils"), script[1..], timeout: timeout)
            : ToolRunner.RunAsync(ToolRunner.Require("ip", "iproute2"), ["netns", "exec", _placement.NetworkNamespace, .. script], timeout: timeout);
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

    private static string Ports(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Text(FreePorts.Next())));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
