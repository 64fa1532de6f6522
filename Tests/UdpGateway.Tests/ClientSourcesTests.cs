using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Clients;

namespace Orleans.Radius.Gateway.Tests;

/// <summary>How a gateway's configured clients and the registry's combine.</summary>
public class ClientSourcesTests
{
    [Fact]
    public void The_union_is_served_and_the_registry_wins_by_name_or_address()
    {
        ClientOptions[] configured =
        [
            Options("local-only", "10.0.0.1"),
            Options("Same-Name", "10.0.0.2", "local-secret"),
            Options("local-on-taken-address", "10.0.0.3"),
        ];
        ClientDefinition[] registry =
        [
            Definition("same-name", "10.0.0.20", "registry-secret"),
            Definition("registry-on-address", "10.0.0.3/32"),
            Definition("registry-only", "192.0.2.0/24"),
        ];

        var merged = ClientSources.Merge(configured, registry);

        Assert.Equal(["local-only", "same-name", "registry-on-address", "registry-only"], merged.Select(client => client.Name));
        Assert.Equal("registry-secret", merged.Single(client => client.Name == "same-name").Secret);
    }

    [Fact]
    public void An_invalid_registry_entry_is_left_out_and_named()
    {
        var rejected = new List<string>();

        var merged = ClientSources.Merge([Options("local", "10.0.0.1")], [Definition("broken", "not-an-address"), Definition("fine", "10.0.0.9")], rejected);

        Assert.Equal(["local", "fine"], merged.Select(client => client.Name));
        Assert.Equal(["broken"], rejected);
    }

    [Fact]
    public void Client_problems_name_every_bad_field_and_the_coa_port()
    {
        var problems = ConfigurationProblems.ForClient(new ClientOptions { Name = "a|b", Address = "10.0.0.0/33", Secret = "", RequestsPerSecond = -1, CoaPort = 0 });

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("CoaPort 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'|'", StringComparison.Ordinal));
    }

    private static ClientOptions Options(string name, string address, string secret = "s3cret") =>
        new() { Name = name, Address = address, Secret = secret };

    private static ClientDefinition Definition(string name, string address, string secret = "s3cret") =>
        new(name, address, secret, RequireMessageAuthenticator: true, RequestsPerSecond: 0, CoaPort: 3799);
}
