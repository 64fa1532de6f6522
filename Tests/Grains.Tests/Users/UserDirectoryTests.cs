using System.Globalization;

namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>The sharded user directory: kept by Upsert and Delete, paged in ordinal order across shards.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class UserDirectoryTests(DefaultClusterFixture fixture)
{
    [Fact]
    public async Task Upsert_lists_the_user_and_delete_unlists_it()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("dir-upsert-delete");

        await user.Upsert(new UserDefinition("dir-upsert-delete", "pw", null, null, null));
        Assert.Contains("dir-upsert-delete", await AllNamesAsync());

        await user.Delete();
        Assert.DoesNotContain("dir-upsert-delete", await AllNamesAsync());
    }

    [Fact]
    public async Task Pages_walk_every_name_once_in_ordinal_order_across_shards()
    {
        var names = Enumerable.Range(0, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"dir-page-{i:D4}")).ToList();
        foreach (var shard in names.GroupBy(UserDirectory.ShardOf))
        {
            await fixture.Grains.GetGrain<IUserDirectoryGrain>(shard.Key).AddMany([.. shard]);
        }

        Assert.True(names.Select(UserDirectory.ShardOf).Distinct().Count() > 32, "the names should spread over the shards");
        var seen = await AllNamesAsync(pageSize: 37);
        var ours = seen.Where(name => name.StartsWith("dir-page-", StringComparison.Ordinal)).ToList();
        Assert.Equal(names, ours);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_same_cursor_gives_the_same_page()
    {
        await fixture.Grains.GetGrain<IUserGrain>("dir-cursor-a").Upsert(new UserDefinition("dir-cursor-a", "pw", null, null, null));
        await fixture.Grains.GetGrain<IUserGrain>("dir-cursor-b").Upsert(new UserDefinition("dir-cursor-b", "pw", null, null, null));

        var first = await fixture.Grains.PageAsync("dir-cursor", 1);
        var again = await fixture.Grains.PageAsync("dir-cursor", 1);

        Assert.Equal(["dir-cursor-a"], first.UserNames);
        Assert.Equal(first.UserNames, again.UserNames);
        Assert.Equal("dir-cursor-a", first.Next);
        Assert.Equal("dir-cursor-b", Assert.Single((await fixture.Grains.PageAsync(first.Next, 1)).UserNames));
    }

    [Fact]
    public async Task The_directory_is_read_back_from_storage_after_deactivation()
    {
        await fixture.Grains.GetGrain<IUserGrain>("dir-durable").Upsert(new UserDefinition("dir-durable", "pw", null, null, null));
        var shard = fixture.Grains.ShardFor("dir-durable");

        await fixture.Cluster.DeactivateAsync(shard);

        Assert.Contains("dir-durable", (await shard.Page("dir-durabl", 10)).UserNames);
    }

    [Fact]
    public void Shards_are_stable_across_processes()
    {
        // FNV-1a 32 of "alice" is 0x872213E7, and 0x872213E7 mod 64 = 39. A changed function would re-home every stored name.
        Assert.Equal(39, UserDirectory.ShardOf("alice"));
    }

    private async Task<List<string>> AllNamesAsync(int pageSize = 1000)
    {
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await fixture.Grains.PageAsync(after, pageSize);
            names.AddRange(page.UserNames);
            after = page.Next;
        }
        while (after is not null);
        return names;
    }
}
