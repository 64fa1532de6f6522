using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Gateway.Tests;

public class OperationsAccessTests
{
    private const string Token = "an-admin-token-of-some-length";

    [Fact]
    public void Outage_mode_health_token_and_metrics_switch_are_validated_with_the_rest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Valkey:OnOutage"] = "fail-open",
            ["Health:Token"] = "short",
            ["Metrics:Enabled"] = "sometimes",
            ["Cluster:SiloPort"] = "-1",
        }).Build();

        var problems = ConfigurationProblems.ForGateway(configuration, listenersEnabled: false).ToList();

        Assert.Contains(problems, p => p.Contains("Valkey:OnOutage 'fail-open' must be 'fail-closed' or 'serve-degraded'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Health:Token must be at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Metrics", StringComparison.Ordinal) && p.Contains("sometimes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Cluster:SiloPort -1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, ValkeyOutageMode.FailClosed)]
    [InlineData("fail-closed", ValkeyOutageMode.FailClosed)]
    [InlineData("Serve-Degraded", ValkeyOutageMode.ServeDegraded)]
    public void Outage_modes_are_read_as_operators_spell_them(string? value, ValkeyOutageMode expected)
    {
        Assert.True(ValkeyOutageModes.TryParse(value, out var mode));
        Assert.Equal(expected, mode);
    }

    private static DefaultHttpContext From(string address, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }
}
