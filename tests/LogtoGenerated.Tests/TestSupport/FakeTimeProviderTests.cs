namespace LogtoGenerated.Tests.TestSupport;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public async Task Task_Delay_completes_only_when_the_clock_reaches_its_due_time()
    {
        var time = new FakeTimeProvider();

        Task delay = Task.Delay(TimeSpan.FromSeconds(3), time);
        FakeTimeProvider.ScheduledTimer scheduled = await time.NextScheduledAsync();
        time.Advance(TimeSpan.FromSeconds(2.999));
        bool earlier = delay.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.FromSeconds(3), scheduled.DueTime);
        Assert.Equal(time.Start, scheduled.At);
        Assert.False(earlier);
        await delay;
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public async Task A_CancellationTokenSource_with_a_delay_cancels_when_the_clock_reaches_it()
    {
        var time = new FakeTimeProvider();
        using var source = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);

        Assert.Equal(TimeSpan.FromSeconds(5), (await time.NextScheduledAsync()).DueTime);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(source.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void Timers_fire_in_due_order_with_the_clock_at_their_due_time()
    {
        var time = new FakeTimeProvider();
        var fired = new List<(string Name, TimeSpan At)>();
        using ITimer late = time.CreateTimer(_ => fired.Add(("late", time.Elapsed)), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using ITimer early = time.CreateTimer(_ => fired.Add(("early", time.Elapsed)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using ITimer periodic = time.CreateTimer(_ => fired.Add(("periodic", time.Elapsed)), null, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(
            [("early", TimeSpan.FromSeconds(1)), ("periodic", TimeSpan.FromSeconds(1.5)), ("late", TimeSpan.FromSeconds(2)), ("periodic", TimeSpan.FromSeconds(2.5))],
            fired);
        Assert.Equal(TimeSpan.FromSeconds(3), time.Elapsed);
        Assert.Equal(1, time.PendingTimerCount);
        Assert.Equal(3, time.Scheduled.Count); // a periodic timer's next period is not a new scheduling
    }

    [Fact]
    public async Task NextScheduledAsync_waits_for_a_timer_scheduled_later_and_hands_each_out_once()
    {
        var time = new FakeTimeProvider();

        Task<FakeTimeProvider.ScheduledTimer> next = time.NextScheduledAsync();
        Assert.False(next.IsCompleted);
        _ = Task.Run(() => Task.Delay(TimeSpan.FromSeconds(1), time));
        Assert.Equal(TimeSpan.FromSeconds(1), (await next).DueTime);

        Task other = Task.Delay(TimeSpan.FromSeconds(2), time);
        Assert.Equal(TimeSpan.FromSeconds(2), (await time.NextScheduledAsync()).DueTime);
        time.Advance(TimeSpan.FromSeconds(2));
        await other;
    }

    [Fact]
    public async Task A_disposed_timer_does_not_fire_and_is_not_pending()
    {
        var time = new FakeTimeProvider();
        bool fired = false;
        ITimer timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await timer.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(fired);
        Assert.Equal(0, time.PendingTimerCount);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task TryNextScheduledAsync_returns_null_when_the_watched_task_completes_first_and_keeps_the_timer_for_later()
    {
        var time = new FakeTimeProvider();

        Assert.Null(await time.TryNextScheduledAsync(Task.CompletedTask));
        _ = Task.Delay(TimeSpan.FromSeconds(1), time);

        Assert.Equal(0, (await time.NextScheduledAsync()).Index);
    }

    [Fact]
    public void The_clock_starts_at_a_whole_second_and_timestamps_follow_it()
    {
        var time = new FakeTimeProvider();
        long start = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(0, FakeTimeProvider.DefaultStart.Millisecond);
        Assert.Equal(FakeTimeProvider.DefaultStart.AddMilliseconds(1500), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(start));
    }
}
