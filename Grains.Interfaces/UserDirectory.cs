using System.Text;

namespace Orleans.Radius.Grains;

/// <summary>
/// The user directory as a whole: which shard holds a name, and pages merged across every shard, so the
/// listing is ordinal by name and the same cursor always gives the same page.
/// </summary>
public static class UserDirectory
{
    /// <summary>
    /// Shards of the directory. Each holds about 1/64 of the names, so tens of thousands of users mean shard
    /// states of a few hundred names and one write of a few kilobytes per change. Changing this number
    /// re-homes names: it is part of the stored format.
    /// </summary>
    public const int ShardCount = 64;

    /// <summary>Largest page the directory hands out.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The shard of <paramref name="userName"/>: FNV-1a over its UTF-8, stable across processes and versions.</summary>
    public static int ShardOf(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(userName))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }

    /// <summary>The directory shard that holds <paramref name="userName"/>.</summary>
    public static IUserDirectoryGrain ShardFor(this IGrainFactory grains, string userName)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IUserDirectoryGrain>(ShardOf(userName));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> names after <paramref name="after"/> across all shards: each shard gives
    /// its first <paramref name="limit"/> names past the cursor and the smallest of those are the page.
    /// </summary>
    public static async Task<UserDirectoryPage> PageAsync(this IGrainFactory grains, string? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(grains);
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var shards = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard => grains.GetGrain<IUserDirectoryGrain>(shard).Page(after, limit)));
        var merged = shards.SelectMany(shard => shard.UserNames).Order(StringComparer.Ordinal).Take(limit + 1).ToList();
        var more = merged.Count > limit;
        var page = more ? merged[..limit] : merged;
        return new UserDirectoryPage(page, shards.Sum(shard => shard.Total), more ? page[^1] : null);
    }
}
