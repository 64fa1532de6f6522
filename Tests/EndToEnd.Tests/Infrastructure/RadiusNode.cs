using System.Diagnostics;
using System.Globalization;
using System.Net;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>A silo or gateway process started by a test, with the loopback ports it was given.</summary>
internal sealed class RadiusNode : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Stopwatch _started = Stopwatch.StartNew();

    private RadiusNode(string name, ManagedProcess process, int httpPort, int siloPort, int authPort, int acctPort)
    {
        Name = name;
        Process = process;
        HttpPort = httpPort;
        SiloPort = siloPort;
        AuthPort = authPort;
        AcctPort = acctPort;
    }

    public string Name { get; }

    public ManagedProcess Process { get; }

    public int HttpPort { get; }

    /// <summary>The silo-to-silo port (0 for a gateway): how the membership table names this silo.</summary>
    public int SiloPort { get; }

    public int AuthPort { get; }

    public int AcctPort { get; }

    /// <summary>How long after its start the node first answered ready.</summary>
    public TimeSpan? ReadyAfter { get; private set; }

    public IPEndPoint Auth => new(IPAddress.Loopback, AuthPort);

    public string AuthServer => $"127.0.0.1:{AuthPort.ToString(CultureInfo.InvariantCulture)}";

    public string AcctServer => $"127.0.0.1:{AcctPort.ToString(CultureInfo.InvariantCulture)}";

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");

    public static RadiusNode StartSilo(string name, string configPath)
    {
        int http = FreePorts.Next(), silo = FreePorts.Next(), gateway = FreePorts.Next();
        var process = ManagedProcess.Start(name, BuiltHosts.Dotnet,
        [
            BuiltHosts.Silo, "--config", configPath, "--urls", Url(http),
            $"--Cluster:SiloPort={Text(silo)}", $"--Cluster:GatewayPort={Text(gateway)}",
        ]);
        return new RadiusNode(name, process, http, silo, 0, 0);
    }

    public static RadiusNode StartGateway(string name, string configPath)
    {
        int http = FreePorts.Next(), auth = FreePorts.Next(), acct = FreePorts.Next();
        var process = ManagedProcess.Start(name, BuiltHosts.Dotnet,
        [
            BuiltHosts.Gateway, "--config", configPath, "--urls", Url(http),
            $"--Gateway:AuthPort={Text(auth)}", $"--Gateway:AcctPort={Text(acct)}",
        ]);
        return new RadiusNode(name, process, http, 0, auth, acct);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails with the process output otherwise.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "no answer yet";
        while (stopwatch.Elapsed < timeout)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited before it was ready:\n{Process.Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(BaseAddress, "/health/ready"));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.IsSuccessStatusCode)
                {
                    ReadyAfter = _started.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }
            catch (TaskCanceledException)
            {
                last = "health request timed out";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout} (last: {last}):\n{Process.Output}");
    }

    public Task KillAsync() => Process.KillAsync();

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static string Url(int port) => $"http://127.0.0.1:{Text(port)}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
