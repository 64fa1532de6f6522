using Orleans.Radius.Gateway.Telemetry;

namespace Orleans.Radius.Gateway.Tests;

public class PrometheusNamingTests
{
    [Theory]
    [InlineData("ConnectionDirection", "connection_direction")]
    [InlineData("MessageDirection", "message_direction")]
    [InlineData("Status", "status")]
    [InlineData("grain_type", "grain_type")]
    [InlineData("silo", "silo")]
    public void Orleans_tag_names_become_snake_case(string name, string expected) =>
        Assert.Equal(expected, OrleansMetricsBridge.SnakeCase(name));
}
