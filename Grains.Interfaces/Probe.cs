namespace Orleans.Radius.Grains;

/// <summary>Cheap round trip used by health checks to prove a grain call works end to end.</summary>
[Alias("radius.probe")]
public interface IProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the name of the silo that answered.</summary>
    [Alias("ping")]
    Task<string> Ping();

    /// <summary>The answering silo's name and whether it can reach its grain storage (Valkey) right now.</summary>
    [Alias("status")]
    Task<ProbeStatus> Status();
}
