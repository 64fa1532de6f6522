using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Clients;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// Upserts the silo's configured <c>Clients</c> into the client registry once the silo is active, the same
/// way users are seeded: idempotent, every silo may run it, an unchanged list costs no write, and a
/// configured client overrides an admin API change to the same name at each silo start.
/// </summary>
internal sealed partial class ClientSeeder(IGrainFactory grains, IConfiguration configuration, ILogger<ClientSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clients = (configuration.GetSection(ClientOptions.Section).Get<List<ClientOptions>>() ?? []).Select(ClientSources.ToDefinition).ToList();
        if (clients.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await grains.ClientRegistryGrain().Seed(clients);
                Log.ClientsSeeded(logger, result.Changed, clients.Count);
                foreach (var name in result.Skipped)
                {
                    Log.ClientSkipped(logger, name);
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage may still be coming up (or failing over): keep trying, the clients must get there.
                Log.SeedingFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Seeded {Changed} of {Total} configured NAS clients into the client registry")]
        public static partial void ClientsSeeded(ILogger logger, int changed, int total);

        [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Configured client {Name} was not seeded: another registered client has its address")]
        public static partial void ClientSkipped(ILogger logger, string name);

        [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Seeding configured NAS clients failed; retrying")]
        public static partial void SeedingFailed(ILogger logger, Exception exception);
    }
}
