using System.Net;
using System.Text.Json;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>/health/live, /health/ready and /health on a running silo and gateway.</summary>
[Collection(OperationsCollection.Name)]
public sealed class HealthEndpointTests(OperationsFixture fixture)
{
    [Fact]
    public async Task Live_and_ready_answer_200_on_both_hosts_without_a_token()
    {
        foreach (var node in new[] { fixture.Silo, fixture.Gateway })
        {
            Assert.Equal(HttpStatusCode.OK, (await OperationsHttp.GetAsync(node, "/health/live")).Status);
            Assert.Equal(HttpStatusCode.OK, (await OperationsHttp.GetAsync(node, "/health/ready")).Status);
        }
    }

    [Theory]
    [InlineData(true, "membership", "valkey")]
    [InlineData(false, "listeners", "cluster")]
    public async Task Health_names_each_check_with_its_latency_for_the_token_holder(bool silo, string first, string second)
    {
        var node = silo ? fixture.Silo : fixture.Gateway;

        var (status, body) = await OperationsHttp.GetAsync(node, "/health", OperationsFixture.HealthToken);

        Assert.Equal(HttpStatusCode.OK, status);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.True(root.GetProperty("uptimeSeconds").GetDouble() > 0);
        var checks = root.GetProperty("checks");
        foreach (var name in new[] { first, second })
        {
            var check = checks.GetProperty(name);
            Assert.Equal("healthy", check.GetProperty("status").GetString());
            Assert.True(check.GetProperty("durationMs").GetDouble() >= 0, body);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-health-token-at-all")]
    public async Task Health_without_the_token_shows_the_status_and_no_checks(string? bearer)
    {
        foreach (var node in new[] { fixture.Silo, fixture.Gateway })
        {
            var (status, body) = await OperationsHttp.GetAsync(node, "/health", bearer);

            Assert.Equal(HttpStatusCode.OK, status);
            using var document = JsonDocument.Parse(body);
            Assert.Equal("healthy", document.RootElement.GetProperty("status").GetString());
            Assert.False(document.RootElement.TryGetProperty("checks", out _), body);
        }
    }
}
