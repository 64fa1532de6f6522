namespace Orleans.Radius.Grains;

/// <summary>
/// One shard of the durable index of user names, keyed by shard number (<see cref="UserDirectory.ShardOf"/>):
/// kept by the user grains and the seeder, read by the admin API to list users without scanning Valkey.
/// </summary>
[Alias("radius.user-directory")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a name (idempotent: a name already present costs no write).</summary>
    [Alias("add")]
    Task Add(string userName);

    /// <summary>Adds many names with at most one write (the seeder's batch).</summary>
    [Alias("add-many")]
    Task AddMany(IReadOnlyList<string> userNames);

    /// <summary>Removes a name (idempotent).</summary>
    [Alias("remove")]
    Task Remove(string userName);

    /// <summary>Up to <paramref name="limit"/> names ordinally after <paramref name="after"/> (from the start when null), in ordinal order.</summary>
    [Alias("page")]
    Task<UserDirectoryPage> Page(string? after, int limit);
}
