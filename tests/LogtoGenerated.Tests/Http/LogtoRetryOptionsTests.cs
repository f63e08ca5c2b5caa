using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

public sealed class LogtoRetryOptionsTests
{
    [Fact]
    public void Defaults_are_three_retries_from_half_a_second_up_to_30_seconds_for_idempotent_methods()
    {
        var options = new LogtoRetryOptions();

        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.False(options.RetryNonIdempotentMethods);
        Assert.Equal(options, LogtoRetryOptions.Default);
        Assert.Same(LogtoRetryOptions.Default, LogtoRetryOptions.Default);
    }

    [Fact]
    public void None_has_no_retries_and_otherwise_the_defaults()
    {
        Assert.Equal(0, LogtoRetryOptions.None.MaxRetries);
        Assert.Equal(LogtoRetryOptions.Default with { MaxRetries = 0 }, LogtoRetryOptions.None);
    }

    [Fact]
    public void With_copies_and_leaves_the_shared_instances_alone()
    {
        LogtoRetryOptions custom = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true, MaxRetries = 5 };

        Assert.True(custom.RetryNonIdempotentMethods);
        Assert.Equal(5, custom.MaxRetries);
        Assert.False(LogtoRetryOptions.Default.RetryNonIdempotentMethods);
        Assert.Equal(3, LogtoRetryOptions.Default.MaxRetries);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void MaxRetries_out_of_range_is_rejected_naming_the_property(int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoRetryOptions { MaxRetries = value });

        Assert.Equal("MaxRetries", e.ParamName);
        Assert.Equal(value, e.ActualValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void MaxRetries_from_0_to_10_is_accepted(int value)
    {
        Assert.Equal(value, new LogtoRetryOptions { MaxRetries = value }.MaxRetries);
    }

    [Fact]
    public void Negative_delays_are_rejected_naming_the_property()
    {
        Assert.Equal("InitialDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoRetryOptions { InitialDelay = TimeSpan.FromTicks(-1) }).ParamName);
        Assert.Equal("MaxDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoRetryOptions { MaxDelay = TimeSpan.FromTicks(-1) }).ParamName);
        Assert.Equal("MaxDelay", Assert.Throws<ArgumentOutOfRangeException>(() => LogtoRetryOptions.Default with { MaxDelay = Timeout.InfiniteTimeSpan }).ParamName);
    }

    [Fact]
    public void Delays_longer_than_a_day_are_rejected_naming_the_property()
    {
        TimeSpan tooLong = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1);

        Assert.Equal("InitialDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoRetryOptions { InitialDelay = tooLong }).ParamName);
        Assert.Equal("MaxDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoRetryOptions { MaxDelay = tooLong }).ParamName);
        Assert.Equal("MaxDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoRetryOptions { MaxDelay = TimeSpan.MaxValue }).ParamName);
        Assert.Equal(TimeSpan.FromDays(1), new LogtoRetryOptions { InitialDelay = TimeSpan.FromDays(1), MaxDelay = TimeSpan.FromDays(1) }.MaxDelay);
    }

    [Fact]
    public void Zero_delays_are_accepted_and_give_a_zero_backoff()
    {
        var options = new LogtoRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

        Assert.Equal(TimeSpan.Zero, options.GetBackoff(1));
        Assert.Equal(TimeSpan.Zero, options.GetBackoff(10));
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(6, 16000)]
    public void Backoff_doubles_per_retry_within_20_percent(int retry, double nominalMilliseconds)
    {
        for (int i = 0; i < 200; i++)
        {
            Assert.InRange(LogtoRetryOptions.Default.GetBackoff(retry).TotalMilliseconds, nominalMilliseconds * 0.8, nominalMilliseconds * 1.2);
        }
    }

    [Fact]
    public void Backoff_is_jittered_over_the_whole_range()
    {
        double[] samples = Enumerable.Range(0, 1000).Select(_ => LogtoRetryOptions.Default.GetBackoff(1).TotalMilliseconds).ToArray();

        Assert.InRange(samples.Min(), 400, 450);
        Assert.InRange(samples.Max(), 550, 600);
    }

    [Fact]
    public void Backoff_is_capped_at_MaxDelay_even_for_the_largest_settings()
    {
        var options = new LogtoRetryOptions { MaxRetries = 10, InitialDelay = TimeSpan.FromDays(1), MaxDelay = TimeSpan.FromDays(1) };

        Assert.InRange(options.GetBackoff(1), TimeSpan.FromDays(0.8), TimeSpan.FromDays(1));
        Assert.Equal(TimeSpan.FromDays(1), options.GetBackoff(10));
        Assert.Equal(TimeSpan.FromSeconds(30), LogtoRetryOptions.Default.GetBackoff(10));
        Assert.Equal(TimeSpan.FromSeconds(30), LogtoRetryOptions.Default.GetBackoff(int.MaxValue));
    }

    [Fact]
    public void Adapter_options_default_to_default_retries_no_limiter_and_the_system_clock()
    {
        var options = new LogtoRequestAdapterOptions();

        Assert.Same(LogtoRetryOptions.Default, options.Retry);
        Assert.Null(options.RateLimiter);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Adapter_rejects_options_with_null_Retry()
    {
        using var http = new HttpClient();

        var e = Assert.Throws<ArgumentException>(() => new LogtoRequestAdapter(
            http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoRequestAdapterOptions { Retry = null! }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("Retry", e.Message);
        Assert.Contains("LogtoRetryOptions.None", e.Message);
    }

    [Fact]
    public void Adapter_rejects_options_with_null_TimeProvider()
    {
        using var http = new HttpClient();

        var e = Assert.Throws<ArgumentException>(() => new LogtoRequestAdapter(
            http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoRequestAdapterOptions { TimeProvider = null! }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("TimeProvider", e.Message);
    }

    [Fact]
    public void Adapter_accepts_null_options()
    {
        using var http = new HttpClient();

        _ = new LogtoRequestAdapter(http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), null);
        _ = new LogtoRequestAdapter(http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoRequestAdapterOptions { TimeProvider = new FakeTimeProvider() });
    }
}
