using System.Diagnostics;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Telemetry;

namespace Orleans.Radius.Silo;

/// <summary>Times every accounting export (a Valkey script call) into the <c>valkey.operation.*</c> instruments.</summary>
internal sealed class MeasuredAccountingExporter(IAccountingExporter inner) : IAccountingExporter, IDisposable
{
    public async Task<bool> ExportAsync(AccountingExportRecord record, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var appended = await inner.ExportAsync(record, cancellationToken);
            succeeded = true;
            return appended;
        }
        finally
        {
            GrainMetrics.ValkeyOperation("accounting_export", started, succeeded);
        }
    }

    // The container owns only what its factory returned: this wrapper, so it passes disposal on.
    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <summary>Wraps the exporter already registered (the Valkey one when Valkey is configured).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IAccountingExporter));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IAccountingExporter>(provider => new MeasuredAccountingExporter(
            registered.ImplementationInstance as IAccountingExporter
            ?? registered.ImplementationFactory?.Invoke(provider) as IAccountingExporter
            ?? (IAccountingExporter)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}
