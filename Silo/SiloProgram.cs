using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Options;

namespace Orleans.Radius.Silo;

/// <summary>Builds and runs the silo host.</summary>
internal static class SiloProgram
{
    public static Task<int> RunAsync(string[] args) => HostRunner.RunAsync(args, Build);

    internal static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Where(arg => arg != "--demo").ToArray());
        // Orleans runs placement through Polly, which logs every call at Information.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        RadiusConfiguration.AddConfigFile(builder.Configuration, args);
        (string Secret, string Password)? demo = DemoMode.IsRequested(args) ? DemoMode.Add(builder.Configuration) : null;
        var configuration = builder.Configuration;
        var gatewayEnabled = configuration.GetValue<bool>("Gateway:Enabled");
        ConfigurationProblems.ThrowIfAny(
            ConfigurationProblems.ForGateway(configuration, gatewayEnabled).Concat(SiloConfigurationProblems.Find(configuration)));

        var valkey = configuration.GetSection(ValkeyOptions.Section).Get<ValkeyOptions>() ?? new ValkeyOptions();
        var cluster = configuration.GetSection(RadiusClusterOptions.Section).Get<RadiusClusterOptions>() ?? new RadiusClusterOptions();
        builder.Services.Configure<DedupOptions>(configuration.GetSection(DedupOptions.Section));
        builder.Services.Configure<LockoutOptions>(configuration.GetSection(LockoutOptions.Section));
        builder.Services.Configure<SimultaneousUseOptions>(configuration.GetSection(SimultaneousUseOptions.Section));
        builder.Services.AddRadiusAccounting(configuration);
        // Reminders:MinimumReminderPeriod (Orleans' floor of 1 minute) may be lowered for tests of the stale-session reaper.
        builder.Services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));

        var dashboard = configuration.GetValue("Dashboard:Enabled", true);
        builder.UseOrleans(silo => SiloConfiguration.Configure(silo, valkey, cluster, dashboard));
        builder.Services.AddSiloOperations(configuration);
        builder.Services.AddHostedService<UserSeeder>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (gatewayEnabled)
        {
            // All-in-one: the gateway calls grains through the silo's own factory, without a network hop.
            builder.Services.AddRadiusGateway(configuration);
        }

        var app = builder.Build();
        app.MapSiloOperations(dashboard);
        if (!valkey.IsConfigured)
        {
            Log.EmbeddedDefault(app.Logger);
        }

        if (demo is { } credentials)
        {
            DemoMode.Print(credentials, configuration);
        }

        return app;
    }
}
