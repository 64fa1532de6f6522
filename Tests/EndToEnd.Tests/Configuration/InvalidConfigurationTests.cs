using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Configuration;

/// <summary>A host started with several mistakes refuses to start once, naming all of them.</summary>
public sealed class InvalidConfigurationTests
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silo_with_several_bad_keys_exits_with_2_and_names_every_problem_on_stderr()
    {
        var result = await ToolRunner.RunAsync(BuiltHosts.Dotnet,
        [
            BuiltHosts.Silo, "--urls", "http://127.0.0.1:0",
            "--Gateway:Enabled=true", "--Gateway:Address=127.0.0.1", "--Gateway:AuthPort=99999",
            "--Clients:0:Name=no-secret", "--Clients:0:Address=127.0.0.1",
            "--Clients:1:Name=bad-cidr", "--Clients:1:Address=10.0.0.0/33", "--Clients:1:Secret=s3cret",
            "--Users:0:UserName=nopassword",
            "--Users:1:UserName=badtag", "--Users:1:Password=pw", "--Users:1:Reply:Tunnel-Private-Group-Id:40=7",
        ], timeout: ExitDeadline);

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}:\n{result.Output}");
        Assert.Contains("Clients[0]:Secret is empty", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Clients[1]:Address '10.0.0.0/33'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Gateway:AuthPort 99999", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Users[0] has neither Password nor NtHash", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Users[1]:Reply:Tunnel-Private-Group-Id:40", result.StandardError, StringComparison.Ordinal);
        // One message: the problems are listed together under a single heading.
        Assert.Single(result.StandardError.Split('\n'), line => line.StartsWith("Invalid configuration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_with_bad_keys_exits_with_2_and_names_every_problem_on_stderr()
    {
        var result = await ToolRunner.RunAsync(BuiltHosts.Dotnet,
        [
            BuiltHosts.Gateway, "--urls", "http://127.0.0.1:0",
            "--Gateway:Address=not-an-address", "--Gateway:AcctPort=-1",
            "--Clients:0:Name=no-secret", "--Clients:0:Address=192.0.2.0/24",
        ], timeout: ExitDeadline);

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}:\n{result.Output}");
        Assert.Contains("Gateway:Address 'not-an-address'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Gateway:AcctPort -1", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Clients[0]:Secret is empty", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_whose_radius_port_is_taken_exits_with_1_and_says_why()
    {
        using var squatter = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)squatter.Client.LocalEndPoint!).Port;

        var result = await ToolRunner.RunAsync(BuiltHosts.Dotnet,
        [
            BuiltHosts.Silo, "--urls", "http://127.0.0.1:0",
            $"--Cluster:SiloPort={FreePorts.Next()}", $"--Cluster:GatewayPort={FreePorts.Next()}",
            "--Gateway:Enabled=true", "--Gateway:Address=127.0.0.1", $"--Gateway:AuthPort={port}", "--Gateway:AcctPort=0",
        ], timeout: ExitDeadline);

        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}:\n{result.Output}");
        Assert.Contains("Orleans.Radius stopped: Address already in use", result.StandardError, StringComparison.Ordinal);
    }
}
