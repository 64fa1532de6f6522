using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Pipeline;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Registers the UDP gateway on a host that has an <see cref="IGrainFactory"/> (a cluster client or a silo).</summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddRadiusGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GatewayOptions>(configuration.GetSection(GatewayOptions.Section));
        services.TryAddSingleton(provider =>
        {
            var grains = provider.GetRequiredService<IGrainFactory>();
            var clients = (configuration.GetSection(ClientOptions.Section).Get<List<ClientOptions>>() ?? [])
                .Select(options => new NasClient(options))
                .ToList();
            foreach (var client in clients.Where(client => client.RequestsPerSecond > 0))
            {
                client.Budget = new NasBudget(client.Name, client.RequestsPerSecond, grains);
            }

            return new GatewayState(new ClientTable(clients));
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestDispatcher>();
        services.TryAddSingleton<RadiusListener>();
        services.AddHostedService(provider => provider.GetRequiredService<RadiusListener>());
        services.AddHostedService<ClientRegistryPoller>();
        services.AddHostedService<ClusterMonitor>();
        services.AddHealthChecks()
            .AddCheck<ListenersHealthCheck>("listeners", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<GatewayReadinessCheck>("cluster", tags: [OperationsEndpoints.ReadyTag]);
        return services;
    }
}
