using System.Globalization;
using System.Net;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// Checks the configuration keys both hosts share and names every problem, so start-up can fail once
/// with the whole list instead of one complaint per restart.
/// </summary>
public static class ConfigurationProblems
{
    /// <summary>Problems with <c>Valkey</c>, <c>Cluster</c>, <c>Gateway</c>, <c>Clients</c>, <c>Health</c> and <c>Metrics</c>.</summary>
    public static IEnumerable<string> ForGateway(IConfiguration configuration, bool listenersEnabled)
    {
        var problems = new List<string>();
        Bind<RadiusClusterOptions>(configuration, RadiusClusterOptions.Section, problems, cluster =>
        {
            Require(!string.IsNullOrWhiteSpace(cluster.ClusterId), "Cluster:ClusterId is empty", problems);
            Require(!string.IsNullOrWhiteSpace(cluster.ServiceId), "Cluster:ServiceId is empty", problems);
            RequirePort(cluster.SiloPort, "Cluster:SiloPort", problems);
            RequirePort(cluster.GatewayPort, "Cluster:GatewayPort", problems);
            Require(
                cluster.AdvertisedAddress is null || IPAddress.TryParse(cluster.AdvertisedAddress, out _),
                $"Cluster:AdvertisedAddress '{cluster.AdvertisedAddress}' is not an IP address",
                problems);
        });

        problems.AddRange(ClusterTls.Problems(configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions()));
        Require(
            ValkeyOutageModes.TryParse(configuration[ValkeyOutageModes.Key], out _),
            $"{ValkeyOutageModes.Key} '{configuration[ValkeyOutageModes.Key]}' must be '{ValkeyOutageModes.FailClosed}' or '{ValkeyOutageModes.ServeDegraded}'",
            problems);
        problems.AddRange(OperationsConfiguration.Problems(configuration));

        if (!listenersEnabled)
        {
            return problems;
        }

        Bind<GatewayOptions>(configuration, GatewayOptions.Section, problems, gateway =>
        {
            Require(IPAddress.TryParse(gateway.Address, out _), $"Gateway:Address '{gateway.Address}' is not an IP address", problems);
            RequirePort(gateway.AuthPort, "Gateway:AuthPort", problems);
            RequirePort(gateway.AcctPort, "Gateway:AcctPort", problems);
            Require(gateway.AuthPort != gateway.AcctPort || gateway.AuthPort == 0, "Gateway:AuthPort and Gateway:AcctPort are the same port", problems);
            Require(
                gateway.ClusterDeadline > TimeSpan.Zero && gateway.ClusterDeadline < TimeSpan.FromSeconds(30),
                $"Gateway:ClusterDeadline {gateway.ClusterDeadline} must be above zero and below 30 s (a NAS retransmits after about 3 s)",
                problems);
            Require(gateway.ReceiveLoops is >= 1 and <= 64, "Gateway:ReceiveLoops must be 1–64", problems);
            Require(gateway.MaxInFlight is >= 1 and <= 1_000_000, "Gateway:MaxInFlight must be 1–1000000", problems);
            Require(gateway.ReceiveBufferBytes is >= 65_536 and <= 1 << 30, "Gateway:ReceiveBufferBytes must be 64 KiB–1 GiB", problems);
            Require(
                gateway.ClientRefreshInterval >= TimeSpan.FromMilliseconds(100) && gateway.ClientRefreshInterval <= TimeSpan.FromMinutes(1),
                "Gateway:ClientRefreshInterval must be 100 ms–1 min",
                problems);
        });

        var clients = configuration.GetSection(ClientOptions.Section).GetChildren().ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in clients)
        {
            var key = $"Clients[{section.Key}]";
            Bind<ClientOptions>(section, problems, key, client =>
            {
                if (!string.IsNullOrWhiteSpace(client.Name) && !names.Add(client.Name))
                {
                    problems.Add($"{key}:Name '{client.Name}' is used by another client");
                }

                problems.AddRange(ForClient(client, key + ":"));
            });
        }

        return problems;
    }

    /// <summary>
    /// Problems with one client entry, each prefixed with <paramref name="prefix"/> (e.g. "Clients[0]:"); the
    /// rules configuration and the admin API share.
    /// </summary>
    public static IReadOnlyList<string> ForClient(ClientOptions client, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(client.Name))
        {
            problems.Add($"{prefix}Name is empty");
        }
        else
        {
            // The name is part of the accounting grains' keys ("{nas}|{session}") and of admin URLs.
            Require(client.Name.IndexOfAny(['|', '/']) < 0, $"{prefix}Name '{client.Name}' contains '|' or '/'", problems);
        }

        Require(NasAddressRange.TryParse(client.Address, out _), $"{prefix}Address '{client.Address}' is not an IP address or CIDR block", problems);
        Require(!string.IsNullOrEmpty(client.Secret), $"{prefix}Secret is empty", problems);
        Require(client.Secret is null || client.Secret.Length <= 128, $"{prefix}Secret is longer than 128 characters", problems);
        Require(client.RequestsPerSecond >= 0, $"{prefix}RequestsPerSecond is negative", problems);
        Require(client.CoaPort is >= 1 and <= 65535, $"{prefix}CoaPort {client.CoaPort.ToString(CultureInfo.InvariantCulture)} is not a port number (1–65535)", problems);
        foreach (var unknown in Grains.Eap.EapMethodNames.Unknown(client.EapMethods))
        {
            problems.Add($"{prefix}EapMethods: '{unknown}' is not a method (use {string.Join(", ", Grains.Eap.EapMethodNames.Default)})");
        }

        return problems;
    }

    /// <summary>Throws one exception naming every problem, or returns when there are none.</summary>
    public static void ThrowIfAny(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new InvalidConfigurationException(list);
        }
    }

    internal static void Bind<T>(IConfiguration configuration, string section, List<string> problems, Action<T> validate)
        where T : new() =>
        Bind(configuration.GetSection(section), problems, section, validate);

    internal static void Bind<T>(IConfiguration section, List<string> problems, string key, Action<T> validate)
        where T : new()
    {
        var value = new T();
        try
        {
            section.Bind(value, options => options.ErrorOnUnknownConfiguration = false);
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key and the value it could not convert.
            problems.Add($"{key}: {exception.Message}");
            return;
        }

        validate(value);
    }

    internal static void Require(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    internal static void RequirePort(int port, string key, List<string> problems) =>
        Require(port is >= 0 and <= 65535, $"{key} {port.ToString(CultureInfo.InvariantCulture)} is not a port number", problems);
}

/// <summary>Start-up refused: the message lists every configuration problem found.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
