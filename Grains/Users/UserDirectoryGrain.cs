namespace Orleans.Radius.Grains.Users;

/// <summary>
/// One shard of the user directory. Writes only when a name is really added or removed, so re-seeding an
/// unchanged configuration and re-upserting a known user cost no storage I/O.
/// </summary>
internal sealed class UserDirectoryGrain(
    [PersistentState("user-directory")] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
{
    private List<string> Names => state.State.UserNames;

    public Task Add(string userName) => Insert(userName) ? state.WriteStateAsync() : Task.CompletedTask;

    public Task AddMany(IReadOnlyList<string> userNames)
    {
        var changed = false;
        foreach (var userName in userNames)
        {
            changed |= Insert(userName);
        }

        return changed ? state.WriteStateAsync() : Task.CompletedTask;
    }

    public Task Remove(string userName)
    {
        var index = Names.BinarySearch(userName, StringComparer.Ordinal);
        if (index < 0)
        {
            return Task.CompletedTask;
        }

        Names.RemoveAt(index);
        return state.WriteStateAsync();
    }

    public Task<UserDirectoryPage> Page(string? after, int limit)
    {
        limit = Math.Clamp(limit, 1, UserDirectory.MaxPageSize);
        var start = 0;
        if (after is not null)
        {
            var index = Names.BinarySearch(after, StringComparer.Ordinal);
            start = index >= 0 ? index + 1 : ~index;
        }

        var count = Math.Min(limit, Names.Count - start);
        var page = Names.GetRange(start, count);
        var next = start + count < Names.Count ? page[^1] : null;
        return Task.FromResult(new UserDirectoryPage(page, Names.Count, next));
    }

    private bool Insert(string userName)
    {
        var index = Names.BinarySearch(userName, StringComparer.Ordinal);
        if (index >= 0)
        {
            return false;
        }

        Names.Insert(~index, userName);
        return true;
    }
}
