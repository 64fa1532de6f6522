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
    /// <summary>Connection string that switches the export from in-memory to a Valkey stream.</summary>
    public const string ValkeyConnectionStringKey = "Valkey:ConnectionString";

    /// <summary>
    /// Binds and validates <see cref="AccountingOptions"/> (section <c>Accounting</c>) and registers the
    /// exporter: the Valkey stream when <c>Valkey:ConnectionString</c> is set, else in-memory. An exporter
    /// registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddRadiusAccounting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AccountingOptions>().Bind(configuration.GetSection(AccountingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccountingOptions>, AccountingOptionsValidator>());
        services.AddHostedService<AccountingExporterStartup>();

        var connectionString = configuration[ValkeyConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IAccountingExporter, InMemoryAccountingExporter>();
            return services;
        }

        services.TryAddSingleton<IAccountingExporter>(provider =>
        {
            var redis = ConfigurationOptions.Parse(connectionString);

            // Start even while Valkey is down; exports fail (and the NAS retransmits) until it is back.
            redis.AbortOnConnectFail = false;
            return new ValkeyAccountingExporter(
                ConnectionMultiplexer.Connect(redis),
                ownsConnection: true,
                provider.GetRequiredService<IOptions<AccountingOptions>>(),
                provider.GetRequiredService<ILogger<ValkeyAccountingExporter>>());
        });
        return services;
    }
}
