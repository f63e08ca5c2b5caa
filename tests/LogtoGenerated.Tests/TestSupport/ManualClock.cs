namespace LogtoGenerated.Tests.TestSupport;

/// <summary>A clock that stands still until a test moves it; for token expiry (no timers needed).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero).UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
