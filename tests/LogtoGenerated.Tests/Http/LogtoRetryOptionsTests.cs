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
    }

    [Fact]
    public void Default_and_None_are_new_instances_so_changing_one_changes_no_other_client()
    {
        LogtoRetryOptions mine = LogtoRetryOptions.Default;
        mine.MaxRetries = 7;

        Assert.NotSame(LogtoRetryOptions.Default, LogtoRetryOptions.Default);
        Assert.NotSame(LogtoRetryOptions.None, LogtoRetryOptions.None);
        Assert.Equal(3, LogtoRetryOptions.Default.MaxRetries);
        Assert.Equal(3, new LogtoManagementOptions().Retry.MaxRetries);
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
    public void MaxRetries_out_of_range_is_reported_when_the_client_is_created_naming_the_option(int value)
    {
        var options = TestOptions();
        options.Retry.MaxRetries = value;

        var e = Assert.Throws<ArgumentException>(() => LogtoManagementClient.Create(options));

        Assert.Contains($"LogtoManagementOptions.Retry.MaxRetries {value} must be between 0 (no retries) and 10.", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void MaxRetries_from_0_to_10_is_accepted(int value)
    {
        var options = TestOptions();
        options.Retry.MaxRetries = value;

        Assert.NotNull(LogtoManagementClient.Create(options));
    }

    [Fact]
    public void Negative_delays_and_delays_longer_than_a_day_are_reported_together_naming_each_option()
    {
        var options = TestOptions();
        options.Retry = new LogtoRetryOptions { InitialDelay = TimeSpan.FromTicks(-1), MaxDelay = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1) };
        options.MaxConcurrentPageRequests = 0;

        var e = Assert.Throws<ArgumentException>(() => LogtoManagementClient.Create(options));

        Assert.Contains("LogtoManagementOptions.Retry.InitialDelay -00:00:00.0000001 must be between 00:00:00 and 1.00:00:00", e.Message);
        Assert.Contains("LogtoManagementOptions.Retry.MaxDelay 1.00:00:00.0000001 must be between 00:00:00 and 1.00:00:00", e.Message);
        Assert.Contains("LogtoManagementOptions.MaxConcurrentPageRequests 0 must be 1 or more", e.Message);
    }

    [Fact]
    public void Delays_of_zero_and_of_exactly_one_day_are_accepted()
    {
        var options = TestOptions();
        options.Retry = new LogtoRetryOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromDays(1) };

        Assert.NotNull(LogtoManagementClient.Create(options));
    }

    [Fact]
    public async Task The_client_copies_its_retries_so_later_changes_to_the_options_have_no_effect()
    {
        var handler = new CountingHandler(System.Net.HttpStatusCode.ServiceUnavailable);
        using var http = new HttpClient(handler);
        var options = new LogtoManagementOptions { Retry = { MaxRetries = 1, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } };
        var client = new LogtoManagementClient(new LogtoRequestAdapter(http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), options));

        options.Retry.MaxRetries = 5;
        await Assert.ThrowsAsync<LogtoApiException>(() => client.Users["u1"].GetAsync());

        Assert.Equal(2, handler.Sends);
    }

    [Fact]
    public async Task A_requests_own_retries_out_of_range_fail_the_call_before_anything_is_sent_naming_the_option()
    {
        var handler = new CountingHandler();
        using var http = new HttpClient(handler);
        var client = new LogtoManagementClient(http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.Users["u1"].GetAsync(c => c.Retry = new LogtoRetryOptions { MaxRetries = 11 }));

        Assert.Contains("RequestConfiguration.Retry.MaxRetries 11 must be between 0 (no retries) and 10.", e.Message);
        Assert.Equal(0, handler.Sends);
    }

    private sealed class CountingHandler(System.Net.HttpStatusCode status = System.Net.HttpStatusCode.NotFound) : HttpMessageHandler
    {
        private int _sends;

        public int Sends => _sends;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    private static LogtoManagementOptions TestOptions() =>
        new() { Endpoint = new Uri("https://auth.example.com"), ClientId = "id", ClientSecret = "secret" };

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
    public void Management_options_default_to_default_retries_no_limiter_four_pages_ahead_and_the_system_clock()
    {
        var options = new LogtoManagementOptions();

        Assert.Equal(LogtoRetryOptions.Default, options.Retry);
        Assert.Null(options.RateLimiter);
        Assert.Equal(4, options.MaxConcurrentPageRequests);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Adapter_rejects_null_retries_naming_the_option_and_the_way_to_turn_retries_off()
    {
        using var http = new HttpClient();

        var e = Assert.Throws<ArgumentException>(() => new LogtoRequestAdapter(
            http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoManagementOptions { Retry = null! }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("LogtoManagementOptions.Retry must not be null", e.Message);
        Assert.Contains("LogtoRetryOptions.None", e.Message);
    }

    [Fact]
    public void Adapter_rejects_a_null_clock_naming_the_option()
    {
        using var http = new HttpClient();

        var e = Assert.Throws<ArgumentException>(() => new LogtoRequestAdapter(
            http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoManagementOptions { TimeProvider = null! }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("LogtoManagementOptions.TimeProvider must not be null", e.Message);
    }

    [Fact]
    public void Adapter_reads_only_how_requests_are_sent_so_options_without_credentials_are_accepted()
    {
        using var http = new HttpClient();

        _ = new LogtoRequestAdapter(http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), null);
        _ = new LogtoRequestAdapter(http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoManagementOptions { TimeProvider = new FakeTimeProvider() });
    }
}
