namespace Orleans.Radius.Grains.Accounting;

/// <summary>The open sessions of one user, by session grain key.</summary>
[GenerateSerializer, Alias("radius.user-sessions-state")]
public sealed class UserSessionsState
{
    [Id(0)]
    public Dictionary<string, OpenSession> Open { get; set; } = new(StringComparer.Ordinal);
}
