using LogtoGenerated.Authentication;
using LogtoGenerated.Http;

namespace LogtoGenerated.Tests;

public class LogtoManagementClientTests
{
    [Fact]
    public void Constructor_with_http_client_creates_an_adapter_for_the_endpoint()
    {
        using var httpClient = new HttpClient();
        var client = new LogtoManagementClient(httpClient, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"));

        Assert.Equal(new Uri("https://tenant.logto.app"), client.RequestAdapter.Endpoint);
    }

    [Fact]
    public void Constructor_with_adapter_uses_it()
    {
        using var httpClient = new HttpClient();
        var adapter = new LogtoRequestAdapter(httpClient, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"));

        Assert.Same(adapter, new LogtoManagementClient(adapter).RequestAdapter);
    }

    [Fact]
    public void Constructors_validate_their_arguments()
    {
        Assert.Equal("requestAdapter", Assert.Throws<ArgumentNullException>(() => new LogtoManagementClient(null!)).ParamName);
        using var httpClient = new HttpClient();
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            new LogtoManagementClient(httpClient, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app/api")));
        Assert.Contains("without \"/api\"", e.Message);
    }

    [Fact]
    public void Mock_made_with_protected_constructor_throws_clear_InvalidOperationException_for_RequestAdapter()
    {
        var mock = new MockClient();

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => mock.RequestAdapter);
        Assert.Contains("protected constructor for mocking", e.Message);
    }

    [Fact]
    public async Task Builder_mock_made_with_protected_constructor_throws_clear_InvalidOperationException_for_members_not_overridden()
    {
        var mock = new MockUsers();

        InvalidOperationException call = await Assert.ThrowsAsync<InvalidOperationException>(() => mock.GetAsync());
        InvalidOperationException navigation = Assert.Throws<InvalidOperationException>(() => mock["u1"]);

        Assert.Equal(
            "This UsersRequestBuilder was created with the protected constructor for mocking and has no request adapter; " +
            "override the members you call, or create it with a LogtoRequestAdapter.",
            call.Message);
        Assert.Equal(call.Message, navigation.Message);
    }

    private sealed class MockClient : LogtoManagementClient;

    private sealed class MockUsers : LogtoGenerated.RequestBuilders.Users.UsersRequestBuilder;
}
