using System.Text.Json;
using LogtoGenerated.ContractTests.Contract;
using LogtoGenerated.Models;

namespace LogtoGenerated.ContractTests.Helpers;

/// <summary>The second reading of every response enforces nullable annotations, which the client's own reading does not.</summary>
public sealed class StrictReadingTests
{
    private const string RoleWithNullName = """{"tenantId":"t","id":"r1","name":null,"description":"d","type":"User","isDefault":false}""";

    [Fact]
    public void NullInAPropertyTypedNotNullFailsTheStrictReading()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(RoleWithNullName, OperationCaller.StrictContext.GetTypeInfo(typeof(Role))!));

        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheClientsOwnReadingLetsTheSameNullThrough()
    {
        var role = JsonSerializer.Deserialize(RoleWithNullName, LogtoJsonContext.Default.Role);

        Assert.Null(role!.Name);
    }
}
