using Microsoft.Extensions.Options;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Gateway.Pipeline;
using Orleans.Radius.Grains.Clients;

namespace Orleans.Radius.Gateway.Clients;

/// <summary>
/// Keeps the gateway's client table in step with the cluster's client registry: asks for the registry's
/// version every <see cref="GatewayOptions.ClientRefreshInterval"/> and, when it changed, builds a new
/// immutable <see cref="ClientTable"/> and swaps it in whole. The hot path never waits on this; while the
/// registry cannot be read the last table stays in service.
/// </summary>
internal sealed partial class ClientRegistryPoller(
    GatewayState state, IGrainFactory grains, IConfiguration configuration, IOptions<GatewayOptions> options, ILogger<ClientRegistryPoller> logger)
    : BackgroundService
{
    private readonly List<ClientOptions> _configured = configuration.GetSection(ClientOptions.Section).Get<List<ClientOptions>>() ?? [];
    private long? _version;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClientRefreshInterval);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll: returns true when a new table was swapped in.</summary>
    internal async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var registry = grains.ClientRegistryGrain();
            var version = await registry.GetVersion().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            if (version == _version)
            {
                return false;
            }

            var snapshot = await registry.List().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            Swap(snapshot);
            if (_failing)
            {
                _failing = false;
                Log.RegistryAnswered(logger);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                // Logged once per outage, not once a second.
                _failing = true;
                Log.RegistryUnavailable(logger, exception.GetType().Name, exception.Message);
            }

            return false;
        }
    }

    private void Swap(ClientRegistrySnapshot snapshot)
    {
        var rejected = new List<string>();
        var merged = ClientSources.Merge(_configured, snapshot.Clients, rejected);
        foreach (var name in rejected)
        {
            Log.ClientRejected(logger, name);
        }

        var current = state.Clients;
        var clients = new List<NasClient>(merged.Count);
        foreach (var options in merged)
        {
            var client = new NasClient(options);
            if (client.RequestsPerSecond > 0)
            {
                // Keep the tokens already leased when the client's budget did not change.
                var previous = current.Clients.FirstOrDefault(old => string.Equals(old.Name, client.Name, StringComparison.OrdinalIgnoreCase));
                client.Budget = previous is { Budget: { } budget } && previous.RequestsPerSecond == client.RequestsPerSecond
                    ? budget
                    : new NasBudget(client.Name, client.RequestsPerSecond, grains);
            }

            clients.Add(client);
        }

        // One reference write: a request sees either the old table or the new one, never a mix.
        state.Clients = new ClientTable(clients);
        _version = snapshot.Version;
        Log.TableReplaced(logger, clients.Count, snapshot.Version);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Client table replaced: {Count} clients (registry version {Version})")]
        public static partial void TableReplaced(ILogger logger, int count, long version);

        [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Client registry cannot be read ({ExceptionType}: {Message}); serving the last client table")]
        public static partial void RegistryUnavailable(ILogger logger, string exceptionType, string message);

        [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Client registry answers again")]
        public static partial void RegistryAnswered(ILogger logger);

        [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Registry client {Name} is invalid and is not served")]
        public static partial void ClientRejected(ILogger logger, string name);
    }
}
