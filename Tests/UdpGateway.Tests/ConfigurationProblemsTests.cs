using Microsoft.Extensions.Configuration;
using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Gateway.Tests;

public class ConfigurationProblemsTests
{
    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:AuthPort"] = "99999",
            ["Gateway:Address"] = "not-an-address",
            ["Gateway:ClusterDeadline"] = "00:01:00",
            ["Clients:0:Name"] = "a",
            ["Clients:0:Address"] = "10.0.0.0/33",
            ["Clients:0:Secret"] = "",
            ["Clients:1:Name"] = "a",
            ["Clients:1:Address"] = "10.0.0.1",
            ["Clients:1:Secret"] = "x",
            ["Clients:1:RequestsPerSecond"] = "lots",
            ["Cluster:AdvertisedAddress"] = "somewhere",
        }).Build();

        var problems = ConfigurationProblems.ForGateway(configuration, listenersEnabled: true).ToList();

        Assert.Contains(problems, p => p.Contains("Gateway:AuthPort 99999", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Gateway:Address 'not-an-address'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Gateway:ClusterDeadline", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Clients[0]:Address '10.0.0.0/33'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Clients[0]:Secret is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Clients[1]", StringComparison.Ordinal) && p.Contains("lots", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Cluster:AdvertisedAddress 'somewhere'", StringComparison.Ordinal));
        var exception = Assert.Throws<InvalidConfigurationException>(() => ConfigurationProblems.ThrowIfAny(problems));
        Assert.Equal(problems.Count, exception.Problems.Count);
        Assert.All(problems, problem => Assert.Contains(problem, exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_configuration_has_no_problems()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clients:0:Name"] = "switches",
            ["Clients:0:Address"] = "192.0.2.0/24",
            ["Clients:0:Secret"] = "s3cret",
            ["Clients:0:RequestsPerSecond"] = "500",
        }).Build();

        Assert.Empty(ConfigurationProblems.ForGateway(configuration, listenersEnabled: true));
    }
}
