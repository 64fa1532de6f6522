namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>One answer of the background probe: which silo answered, how fast, and whether it reaches Valkey.</summary>
internal sealed record ClusterProbe(string Silo, TimeSpan RoundTrip, bool StorageAvailable);
