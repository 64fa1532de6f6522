using Orleans.Configuration;
using StackExchange.Redis;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Builds and runs the stand-alone gateway: an Orleans client plus the UDP listeners.</summary>
internal static partial class GatewayProgram
{
    public static Task<int> RunAsync(string[] args) => HostRunner.RunAsync(args, Build);

    private static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Orleans runs placement through Polly, which logs every call at Information.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        RadiusConfiguration.AddConfigFile(builder.Configuration, args);
        var configuration = builder.Configuration;
        ConfigurationProblems.ThrowIfAny(ConfigurationProblems.ForGateway(configuration, listenersEnabled: true));
        var valkey = configuration.GetSection(ValkeyOptions.Section).Get<ValkeyOptions>() ?? new ValkeyOptions();
        var cluster = configuration.GetSection(RadiusClusterOptions.Section).Get<RadiusClusterOptions>() ?? new RadiusClusterOptions();
        var tls = ClusterTls.Read(configuration);

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            if (valkey.IsConfigured)
            {
                var redis = ConfigurationOptions.Parse(valkey.ConnectionString!);
                client.UseRedisClustering(options => options.ConfigurationOptions = redis);
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }

            if (tls.IsConfigured)
            {
                ClusterTls.Apply(client, tls);
            }

            // The gateway may start before any silo: keep trying instead of exiting.
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
            // The default (1 min) leaves a gateway started beside a restarting cluster retrying only the dead
            // silos it first read from the membership table for a minute, and slow to use silos added later.
            client.Configure<Orleans.Configuration.GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        });
        builder.Services.AddRadiusGateway(configuration);
        builder.Services.AddRadiusOperations(configuration);

        var app = builder.Build();
        ClusterTls.WarnIfPlaintext(app.Logger, valkey.IsConfigured, tls);
        app.MapRadiusOperations();
        return app;
    }
}
