namespace Orleans.Radius.Grains.Tests;

/// <summary>A clock that stands still until a test moves it, so expiry is tested without sleeping.</summary>
/// <remarks>Timers still run on real time (the base <see cref="TimeProvider.CreateTimer"/>), which keeps the runtime's own timers working.</remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks = System.GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }
}
