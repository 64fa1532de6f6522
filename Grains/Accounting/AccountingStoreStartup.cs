using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Creates the accounting store (and its Valkey connection) while the host starts, so the first
/// accounting request does not make a grain wait on a connection on the silo's scheduler threads.
/// </summary>
internal sealed class AccountingStoreStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IAccountingStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
