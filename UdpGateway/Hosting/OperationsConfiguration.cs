namespace Orleans.Radius.Gateway.Hosting;

/// <summary><c>Health</c> section: who may read the details of <c>/health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// When set, <c>/health</c> shows its checks only to <c>Authorization: Bearer &lt;Token&gt;</c>; everyone
    /// else sees the overall status. <c>/health/live</c> and <c>/health/ready</c> never ask for it.
    /// </summary>
    public string? Token { get; set; }
}

/// <summary><c>Metrics</c> section: the Prometheus endpoint.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> and collect the instruments behind it.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Configuration problems of the operations endpoints, named the same way as the rest.</summary>
public static class OperationsConfiguration
{
    /// <summary>A bearer token shorter than this is guessable over the network.</summary>
    public const int MinimumTokenLength = 16;

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        ConfigurationProblems.Bind<HealthOptions>(configuration, HealthOptions.Section, problems, health =>
            ConfigurationProblems.Require(
                health.Token is null || health.Token.Length >= MinimumTokenLength,
                $"Health:Token must be at least {MinimumTokenLength} characters",
                problems));
        ConfigurationProblems.Bind<MetricsOptions>(configuration, MetricsOptions.Section, problems, _ => { });
        return problems;
    }
}
