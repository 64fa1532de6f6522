using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>Registers what the accounting grains need in a silo.</summary>
public static class AccountingServiceCollectionExtensions
{
    /// <summary>Connection string that switches accounting from in-memory to Valkey.</summary>
    public const string ValkeyConnectionStringKey = "Valkey:ConnectionString";

    /// <summary>
    /// Binds and validates <see cref="AccountingOptions"/> (section <c>Accounting</c>) and registers the
    /// store: Valkey when <c>Valkey:ConnectionString</c> is set, else in-memory (a store registered before
    /// this call is kept), and the stale-session reaper.
    /// </summary>
    public static IServiceCollection AddRadiusAccounting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AccountingOptions>().Bind(configuration.GetSection(AccountingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccountingOptions>, AccountingOptionsValidator>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AccountingReaperStartup>();
        services.AddHostedService<AccountingStoreStartup>();

        var connectionString = configuration[ValkeyConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IAccountingStore, InMemoryAccountingStore>();
            return services;
        }

        services.TryAddSingleton<IAccountingStore>(provider =>
        {
            var redis = ConfigurationOptions.Parse(connectionString);

            // Start even while Valkey is down; commits fail (and the NAS retransmits) until it is back.
            redis.AbortOnConnectFail = false;
            return new ValkeyAccountingStore(
                ConnectionMultiplexer.Connect(redis),
                ownsConnection: true,
                provider.GetRequiredService<IOptions<AccountingOptions>>(),
                provider.GetRequiredService<ILogger<ValkeyAccountingStore>>());
        });
        return services;
    }
}
