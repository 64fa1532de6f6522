namespace Orleans.Radius.Grains;

/// <summary>A page of user names in ordinal order, and how many names the directory (or shard) holds in all.</summary>
/// <param name="UserNames">The names of this page.</param>
/// <param name="Total">Every name held, not only this page's.</param>
/// <param name="Next">The cursor for the next page (the last name of this one), or null when this page is the last.</param>
[GenerateSerializer, Immutable, Alias("radius.user-directory-page")]
public sealed record UserDirectoryPage(
    [property: Id(0)] IReadOnlyList<string> UserNames,
    [property: Id(1)] int Total,
    [property: Id(2)] string? Next);
