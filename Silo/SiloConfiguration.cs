using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Storage;
using StackExchange.Redis;

namespace Orleans.Radius.Silo;

/// <summary>Orleans providers and cluster tuning for the silo.</summary>
internal static class SiloConfiguration
{
    public const string StorageName = "Default";

    // Well above Eap:ConversationTimeout (at most 10 minutes): the grain itself ignores state older than that.
    private static readonly TimeSpan EapStateExpiry = TimeSpan.FromMinutes(15);

    public static void Configure(ISiloBuilder silo, ValkeyOptions valkey, RadiusClusterOptions cluster, bool dashboard)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });

        if (valkey.IsConfigured)
        {
            var redis = ConfigurationOptions.Parse(valkey.ConnectionString!);
            silo.UseRedisClustering(options => options.ConfigurationOptions = redis.Clone());
            silo.AddRedisGrainStorageAsDefault(builder => builder.Configure<Serialization.Serializer>((options, serializer) =>
            {
                options.ConfigurationOptions = redis.Clone();
                // Orleans' own version-tolerant format, keyed by [Alias] names: renaming a CLR type or
                // assembly does not orphan stored state (the JSON default embeds both).
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
            // EAP progress is short-lived: entries expire on their own, so a conversation abandoned mid-way (or
            // whose silo died) leaves nothing behind in Valkey.
            silo.AddRedisGrainStorage(Grains.Eap.EapOptions.StorageName, builder => builder.Configure<Serialization.Serializer>((options, serializer) =>
            {
                options.ConfigurationOptions = redis.Clone();
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                options.EntryExpiry = EapStateExpiry;
            }));
            silo.UseRedisReminderService(options => options.ConfigurationOptions = redis.Clone());
            if (cluster.AdvertisedAddress is { } advertised)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(advertised), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage(Grains.Eap.EapOptions.StorageName);
            silo.UseInMemoryReminderService();
        }

        // Detect a crashed silo in about a second instead of the default 10-20 s: a NAS gives up on a
        // server after a few 1-3 s retransmissions, so the cluster must heal inside that budget.
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.NumMissedProbesLimit = 2;
            options.NumVotesForDeathDeclaration = 1;
            options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });

        if (dashboard)
        {
            silo.AddDashboard();
        }
    }
}
