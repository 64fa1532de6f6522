using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>Accounting records as a gateway would decode them, for one NAS session.</summary>
internal sealed class Records(string nasName, string? userName = "alice")
{
    public static readonly DateTimeOffset Epoch = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public string NasName { get; } = nasName;

    public string SessionId { get; } = Guid.NewGuid().ToString("N");

    public string? UserName { get; } = userName;

    public string GrainKey => AccountingKeys.Session(NasName, SessionId);

    public AccountingRecord Start(uint? interimInterval = null, string? framedIp = "10.0.0.7") => new(
        NasName, SessionId, AccountingStatusType.Start, UserName, Epoch,
        FramedIpAddress: framedIp, CallingStationId: "00-11-22-33-44-55", CalledStationId: "AA-BB-CC-DD-EE-FF:corp",
        NasPort: 17, InterimInterval: interimInterval);

    public AccountingRecord Interim(uint sessionTime, ulong inputOctets, ulong outputOctets, uint packets = 10) => new(
        NasName, SessionId, AccountingStatusType.InterimUpdate, UserName, Epoch.AddSeconds(sessionTime), sessionTime,
        inputOctets, outputOctets, packets, packets, FramedIpAddress: "10.0.0.7");

    public AccountingRecord Stop(uint sessionTime, ulong inputOctets, ulong outputOctets, uint terminateCause = 1, uint packets = 20) => new(
        NasName, SessionId, AccountingStatusType.Stop, UserName, Epoch.AddSeconds(sessionTime), sessionTime,
        inputOctets, outputOctets, packets, packets, FramedIpAddress: "10.0.0.7", TerminateCause: terminateCause);
}
