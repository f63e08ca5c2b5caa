namespace LogtoGenerated.Tests.TestSupport;

/// <summary>
/// A clock that moves only when a test calls <see cref="Advance"/>. Timers created through it (which is what
/// <c>Task.Delay(TimeSpan, TimeProvider, ...)</c> and <c>new CancellationTokenSource(TimeSpan, TimeProvider)</c> use)
/// fire inside <see cref="Advance"/>, in due order, on the calling thread.
/// </summary>
/// <remarks>
/// Every time a timer is scheduled (created or changed with a finite due time) it is recorded as a
/// <see cref="ScheduledTimer"/>. <see cref="NextScheduledAsync"/> hands these out in order, so a test can await
/// "the code under test is now waiting for a delay" instead of sleeping, then assert, then advance.
/// </remarks>
public sealed class FakeTimeProvider : TimeProvider
{
    /// <summary>The default start: a whole second, so HTTP-dates (second precision) convert exactly.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>How long <see cref="NextScheduledAsync"/> waits in real time before failing the test instead of hanging it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly object _lock = new();
    private readonly List<FakeTimer> _active = new();
    private readonly List<ScheduledTimer> _scheduled = new();
    private readonly List<(int Index, TaskCompletionSource<ScheduledTimer> Waiter)> _waiters = new();
    private DateTimeOffset _now;
    private int _cursor;

    /// <summary>Creates a clock showing <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? DefaultStart;
        Start = _now;
    }

    /// <summary>The time the clock started at.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How far the clock has been advanced.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_lock)
            {
                return _now - Start;
            }
        }
    }

    /// <summary>Every timer scheduled so far, in order.</summary>
    public IReadOnlyList<ScheduledTimer> Scheduled
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.ToArray();
            }
        }
    }

    /// <summary>How many timers are scheduled and have not fired or been disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _active.Count;
            }
        }
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due, in due order, at its due time.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (true)
        {
            FakeTimer? due = null;
            lock (_lock)
            {
                foreach (FakeTimer timer in _active)
                {
                    if (timer.Due <= target && (due is null || timer.Due < due.Due))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    _now = target;
                    return;
                }

                if (due.Due > _now)
                {
                    _now = due.Due;
                }

                _active.Remove(due);
                if (due.Period > TimeSpan.Zero && due.Period != Timeout.InfiniteTimeSpan)
                {
                    due.Due = _now + due.Period;
                    _active.Add(due);
                }
            }

            // Outside the lock: the callback may create or change timers.
            due.Fire();
        }
    }

    /// <summary>
    /// The next scheduled timer not yet handed out by this method: completes as soon as the code under test
    /// schedules it (at once when it already did). Fails, rather than hangs, when <paramref name="watch"/> (the
    /// call under test) completes first, or after a generous real-time guard.
    /// </summary>
    public async Task<ScheduledTimer> NextScheduledAsync(Task? watch = null)
    {
        ScheduledTimer? next = await TryNextScheduledAsync(watch);
        if (next is null)
        {
            string outcome = watch!.Exception?.GetBaseException().ToString() ?? watch.Status.ToString();
            throw new InvalidOperationException($"The call completed ({outcome}) before the next timer was scheduled.");
        }

        return next;
    }

    /// <summary>
    /// Like <see cref="NextScheduledAsync"/>, but returns <see langword="null"/> when <paramref name="watch"/>
    /// completes first (and then does not consume a timer).
    /// </summary>
    public async Task<ScheduledTimer?> TryNextScheduledAsync(Task? watch)
    {
        int index;
        TaskCompletionSource<ScheduledTimer> waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            index = _cursor++;
            if (index < _scheduled.Count)
            {
                return _scheduled[index];
            }

            _waiters.Add((index, waiter));
        }

        using var guard = new CancellationTokenSource();
        Task timeout = Task.Delay(Guard, guard.Token);
        Task first = await Task.WhenAny(watch is null ? [waiter.Task, timeout] : [waiter.Task, watch, timeout]);
        guard.Cancel();
        if (first != waiter.Task)
        {
            lock (_lock)
            {
                // Give the index back unless a timer arrived meanwhile.
                if (_waiters.RemoveAll(w => w.Waiter == waiter) == 1)
                {
                    _cursor = index;
                    if (first == watch)
                    {
                        return null;
                    }

                    throw new TimeoutException($"Timer #{index} was not scheduled within {Guard.TotalSeconds} s of real time.");
                }
            }
        }

        return await waiter.Task;
    }

    /// <summary>Waits for the next scheduled timer and advances the clock to its due time, so it fires.</summary>
    public async Task<ScheduledTimer> AdvanceToNextScheduledAsync(Task? watch = null)
    {
        ScheduledTimer next = await NextScheduledAsync(watch);
        AdvanceTo(next.Due);
        return next;
    }

    /// <summary>
    /// Fires every timer <paramref name="call"/> schedules, one after the other, until it completes: runs a call
    /// through all its retry delays without real waiting. Returns the timers it fired.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledTimer>> RunUntilCompletedAsync(Task call)
    {
        var fired = new List<ScheduledTimer>();
        while (await TryNextScheduledAsync(call) is { } next)
        {
            AdvanceTo(next.Due);
            fired.Add(next);
        }

        return fired;
    }

    /// <summary>Advances the clock to <paramref name="time"/> (nothing happens when it is not later than now).</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        TimeSpan by = time - GetUtcNow();
        Advance(by > TimeSpan.Zero ? by : TimeSpan.Zero);
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        List<(TaskCompletionSource<ScheduledTimer> Waiter, ScheduledTimer Record)> ready = new();
        lock (_lock)
        {
            _active.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = _now + dueTime;
            timer.Period = period;
            _active.Add(timer);
            _scheduled.Add(new ScheduledTimer(_scheduled.Count, _now, dueTime, timer.Due));
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Index < _scheduled.Count)
                {
                    ready.Add((_waiters[i].Waiter, _scheduled[_waiters[i].Index]));
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach ((TaskCompletionSource<ScheduledTimer> waiter, ScheduledTimer record) in ready)
        {
            waiter.TrySetResult(record);
        }
    }

    private void Unschedule(FakeTimer timer)
    {
        lock (_lock)
        {
            _active.Remove(timer);
        }
    }

    /// <summary>One scheduling of a timer.</summary>
    /// <param name="Index">Its position among all schedulings.</param>
    /// <param name="At">The clock when it was scheduled.</param>
    /// <param name="DueTime">How long after <paramref name="At"/> it is due: the delay the code asked for.</param>
    /// <param name="Due">When it is due.</param>
    public sealed record ScheduledTimer(int Index, DateTimeOffset At, TimeSpan DueTime, DateTimeOffset Due);

    private sealed class FakeTimer : ITimer
    {
        private readonly FakeTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private bool _disposed;

        public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        // Guarded by the owner's lock.
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(dueTime));
            }

            if (Volatile.Read(ref _disposed))
            {
                return false;
            }

            _owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire()
        {
            if (!Volatile.Read(ref _disposed))
            {
                _callback(_state);
            }
        }

        public void Dispose()
        {
            Volatile.Write(ref _disposed, true);
            _owner.Unschedule(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
