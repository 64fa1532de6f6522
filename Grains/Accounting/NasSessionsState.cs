namespace Orleans.Radius.Grains.Accounting;

/// <summary>The open session ids of one NAS.</summary>
[GenerateSerializer, Alias("radius.nas-sessions-state")]
public sealed class NasSessionsState
{
    [Id(0)]
    public HashSet<string> Open { get; set; } = new(StringComparer.Ordinal);
}
