using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains;

namespace Orleans.Radius.Silo;

/// <summary>
/// Upserts the configured users into their grains once the silo is active. Idempotent: every silo of a
/// cluster may run it, and an unchanged user costs no write.
/// </summary>
internal sealed class UserSeeder(IGrainFactory grains, IConfiguration configuration, ILogger<UserSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var users = UserReplyConfiguration.ReadUsers(configuration);
        if (users.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The directory first, one batch per shard, so a new cluster's seeding costs 64 directory writes.
                await Task.WhenAll(users.GroupBy(user => UserDirectory.ShardOf(user.UserName))
                    .Select(shard => grains.GetGrain<IUserDirectoryGrain>(shard.Key).AddMany([.. shard.Select(user => user.UserName)])));
                var results = await Task.WhenAll(users.Select(user => grains.GetGrain<IUserGrain>(user.UserName).Upsert(ToDefinition(user))));
                var changed = results.Count(changed => changed);
                Log.UsersSeeded(logger, changed, users.Count);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage may still be coming up (or failing over): keep trying, the users must get there.
                Log.SeedingFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    internal static UserDefinition ToDefinition(UserOptions user) =>
        new(user.UserName, user.Password, user.NtHash, new Dictionary<string, string>(user.Reply, StringComparer.OrdinalIgnoreCase), user.MaxSessions);
}
