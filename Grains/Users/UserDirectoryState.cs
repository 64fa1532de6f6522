namespace Orleans.Radius.Grains.Users;

/// <summary>The user names of one directory shard, kept sorted ordinally so a page is a binary search and a slice.</summary>
[GenerateSerializer, Alias("radius.user-directory-state")]
public sealed class UserDirectoryState
{
    [Id(0)]
    public List<string> UserNames { get; set; } = [];
}
