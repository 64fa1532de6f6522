using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Grains.Options;
using Orleans.Radius.Silo.Admin;

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
        var demoEapCertificates = demo is null ? null : DemoMode.AddEapCertificates(builder.Configuration);
        var configuration = builder.Configuration;
        var gatewayEnabled = configuration.GetValue<bool>("Gateway:Enabled");
        ConfigurationProblems.ThrowIfAny(
            ConfigurationProblems.ForGateway(configuration, gatewayEnabled)
                .Concat(SiloConfigurationProblems.Find(configuration))
                .Concat(AdminOptionsProblems.Find(configuration)));

        var valkey = configuration.GetSection(ValkeyOptions.Section).Get<ValkeyOptions>() ?? new ValkeyOptions();
        var cluster = configuration.GetSection(RadiusClusterOptions.Section).Get<RadiusClusterOptions>() ?? new RadiusClusterOptions();
        builder.Services.Configure<DedupOptions>(configuration.GetSection(DedupOptions.Section));
        builder.Services.Configure<LockoutOptions>(configuration.GetSection(LockoutOptions.Section));
        builder.Services.Configure<SimultaneousUseOptions>(configuration.GetSection(SimultaneousUseOptions.Section));
        builder.Services.AddRadiusAccounting(configuration);
        builder.Services.AddRadiusEap(configuration);
        builder.Services.AddEapTls(configuration);
        // Reminders:MinimumReminderPeriod (Orleans' floor of 1 minute) may be lowered for tests of the stale-session reaper.
        builder.Services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));

        // Off unless asked for: its per-call profiler filter costs about a tenth of the silo's CPU under load.
        var dashboard = configuration.GetValue("Dashboard:Enabled", false);
        var tls = ClusterTls.Read(configuration);
        builder.UseOrleans(silo =>
        {
            SiloConfiguration.Configure(silo, valkey, cluster, dashboard);
            if (tls.IsConfigured)
            {
                ClusterTls.Apply(silo, tls);
            }
        });
        builder.Services.AddSiloOperations(configuration);
        builder.Services.AddHostedService<UserSeeder>();
        builder.Services.AddAdminApi(configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (gatewayEnabled)
        {
            // All-in-one: the gateway calls grains through the silo's own factory, without a network hop.
            builder.Services.AddRadiusGateway(configuration);
        }

        var app = builder.Build();
        app.MapSiloOperations(dashboard);
        app.MapAdminApi();
        if (!valkey.IsConfigured)
        {
            Log.EmbeddedDefault(app.Logger);
        }

        ClusterTls.WarnIfPlaintext(app.Logger, valkey.IsConfigured, tls);

        if (demo is { } credentials)
        {
            DemoMode.Print(credentials, configuration);
            if (demoEapCertificates is { } files)
            {
                DemoMode.PrintEapCertificates(files);
            }
        }

        return app;
    }
}
