namespace Orleans.Radius.Grains;

/// <summary>What a silo says about itself to a gateway's background probe.</summary>
[GenerateSerializer, Immutable, Alias("radius.probe-status")]
public sealed record ProbeStatus(
    [property: Id(0)] string Silo,
    [property: Id(1)] bool StorageAvailable);
