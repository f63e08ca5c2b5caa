using LogtoGenerated.Http;
using LogtoGenerated.RequestBuilders.Applications;
using LogtoGenerated.RequestBuilders.Users.Item;
using LogtoGenerated.RequestBuilders.Users.Item.AllIdentities;

namespace LogtoGenerated.Tests.Http;

/// <summary>Query flags Logto reads as truthy strings are sent only when true; true/false enums are sent either way.</summary>
public sealed class QueryFlagTests
{
    private static string Written(IQueryParameters parameters)
    {
        var query = new QueryStringBuilder();
        parameters.WriteTo(query);
        return query.ToString();
    }

    [Fact]
    public void AddFlag_True_AddsNameEqualsTrue()
    {
        var query = new QueryStringBuilder();

        query.AddFlag("includeSsoIdentities", true);

        Assert.Equal("includeSsoIdentities=true", query.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void AddFlag_FalseOrNull_AddsNothing(bool? value)
    {
        var query = new QueryStringBuilder();

        query.AddFlag("includeTokenSecret", value);

        Assert.Equal(0, query.Count);
    }

    [Fact]
    public void GeneratedGetUserQuery_SendsTheFlagsThatAreTrue_AndLeavesOutFalse()
    {
        var parameters = new GetUserQueryParameters { IncludeSsoIdentities = true, IncludePasswordHash = false };

        Assert.Equal("includeSsoIdentities=true", Written(parameters));
    }

    [Fact]
    public void GeneratedAllIdentitiesQuery_FalseLeavesIncludeTokenSecretOut_BecauseLogtoTakesAnyValueAsTrueThere()
    {
        Assert.Equal("", Written(new ListUserAllIdentitiesQueryParameters { IncludeTokenSecret = false }));
        Assert.Equal("includeTokenSecret=true", Written(new ListUserAllIdentitiesQueryParameters { IncludeTokenSecret = true }));
    }

    [Fact]
    public void GeneratedTrueFalseEnum_IsSentAsFalseToo_BecauseAbsentMeansEither()
    {
        Assert.Equal("isThirdParty=false", Written(new ListApplicationsQueryParameters { IsThirdParty = false }));
    }
}
