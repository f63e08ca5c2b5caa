using LogtoGenerated.Http;
using LogtoGenerated.Search;

namespace LogtoGenerated.Tests.Search;

/// <summary>
/// <see cref="LogtoSearch"/> writes exactly the query parameters Logto's search parser reads
/// (packages/core/src/utils/search.ts), and refuses before any request what that parser would refuse.
/// </summary>
public sealed class LogtoSearchTests
{
    // What Logto reads

    [Fact]
    public void Text_searches_every_field_for_the_text_anywhere()
    {
        Assert.Equal("search=%25ada%25", LogtoSearch.Text("ada").ToString());
    }

    [Fact]
    public void Like_pattern_is_sent_as_is_without_a_mode_because_like_is_Logtos_default()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.PrimaryEmail).Like("%@example.com");

        Assert.Equal("search.primaryEmail=%25%40example.com", search.ToString());
    }

    [Fact]
    public void Exact_sends_the_fields_mode()
    {
        Assert.Equal("search.name=Ada&mode.name=exact", LogtoSearch.Where(UserSearchFields.Name).Exact("Ada").ToString());
    }

    [Fact]
    public void And_conditions_send_joint_and_and_case_sensitivity_comes_last()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.PrimaryEmail).Like("%@example.com")
            .And(UserSearchFields.Name).Exact("Ada")
            .CaseSensitive();

        Assert.Equal(
            "search.primaryEmail=%25%40example.com&search.name=Ada&mode.name=exact&joint=and&isCaseSensitive=true",
            search.ToString());
    }

    [Fact]
    public void Or_is_Logtos_default_joint_so_it_is_not_sent()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Username).StartsWith("ada")
            .Or(UserSearchFields.Name).Contains("ada");

        Assert.Equal(SearchJoint.Or, search.Joint);
        Assert.Equal("search.username=ada%25&search.name=%25ada%25", search.ToString());
    }

    [Fact]
    public void OneOf_repeats_the_fields_parameter_once_per_value_in_exact_mode()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u2", "u3");

        Assert.Equal("search.id=u1&search.id=u2&search.id=u3&mode.id=exact", search.ToString());
        Assert.Equal(
            [Pair("search.id", "u1"), Pair("search.id", "u2"), Pair("search.id", "u3"), Pair("mode.id", "exact")],
            search.ToQueryParameters());
    }

    [Fact]
    public void OneOf_takes_any_collection_of_values()
    {
        List<string> ids = ["u1", "u2"];

        Assert.Equal("search.id=u1&search.id=u2&mode.id=exact", LogtoSearch.Where("id").OneOf(ids).ToString());
    }

    [Fact]
    public void OneOf_with_one_value_is_the_same_as_Exact()
    {
        Assert.Equal(LogtoSearch.Where("id").Exact("u1").ToString(), LogtoSearch.Where("id").OneOf("u1").ToString());
    }

    [Fact]
    public void Any_field_mode_is_sent_as_plain_mode_and_fields_that_would_inherit_it_wrongly_get_their_own()
    {
        // Logto uses the plain "mode" as the default of every field without "mode.<field>".
        LogtoSearch search = LogtoSearch.WhereAnyField().Exact("ada@example.com")
            .And(UserSearchFields.Name).Contains("Ada")
            .And(UserSearchFields.Username).Exact("ada");

        Assert.Equal(
            "search=ada%40example.com&mode=exact&search.name=%25Ada%25&mode.name=like&search.username=ada&joint=and",
            search.ToString());
    }

    [Fact]
    public void Any_field_condition_added_after_a_field_condition_still_sends_its_mode()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Name).Like("Ada%").OrAnyField().Posix("^ada");

        Assert.Equal("search.name=Ada%25&mode.name=like&search=%5Eada&mode=posix", search.ToString());
    }

    [Fact]
    public void Similar_to_in_a_case_sensitive_search_sends_its_mode_and_isCaseSensitive()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Username).SimilarTo("(ada|bob)%").CaseSensitive();

        Assert.Equal("search.username=%28ada%7Cbob%29%25&mode.username=similar_to&isCaseSensitive=true", search.ToString());
    }

    [Fact]
    public void Posix_sends_the_regular_expression_escaped()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.PrimaryPhone).Posix("^1[0-9]{10}$");

        Assert.Equal("search.primaryPhone=%5E1%5B0-9%5D%7B10%7D%24&mode.primaryPhone=posix", search.ToString());
    }

    [Fact]
    public void Values_are_percent_encoded_so_plus_ampersand_equals_and_spaces_survive()
    {
        // URLSearchParams (Logto's parser) reads "+" as a space: it must travel as %2B.
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Name).Exact("a+b c&d=e#f?g/h");

        Assert.Equal("search.name=a%2Bb%20c%26d%3De%23f%3Fg%2Fh&mode.name=exact", search.ToString());
    }

    [Fact]
    public void Unicode_values_are_sent_as_percent_encoded_UTF8()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Name).Exact("Zoë 山田 🙂");

        Assert.Equal("search.name=Zo%C3%AB%20%E5%B1%B1%E7%94%B0%20%F0%9F%99%82&mode.name=exact", search.ToString());
    }

    [Fact]
    public void Contains_StartsWith_and_EndsWith_match_percent_underscore_and_backslash_literally()
    {
        Assert.Equal(@"%50\%\_off\\%", Value(LogtoSearch.Where("name").Contains(@"50%_off\")));
        Assert.Equal(@"50\%%", Value(LogtoSearch.Where("name").StartsWith("50%")));
        Assert.Equal(@"%\_x", Value(LogtoSearch.Where("name").EndsWith("_x")));
        Assert.Equal("search.name=%2550%5C%25%5C_off%5C%5C%25", LogtoSearch.Where("name").Contains(@"50%_off\").ToString());
    }

    [Fact]
    public void Like_SimilarTo_and_Posix_send_their_pattern_unchanged()
    {
        Assert.Equal("a_%", Value(LogtoSearch.Where("name").Like("a_%")));
        Assert.Equal("a_%", Value(LogtoSearch.Where("name").SimilarTo("a_%").CaseSensitive()));
        Assert.Equal(@"^a\.b", Value(LogtoSearch.Where("name").Posix(@"^a\.b")));
    }

    [Fact]
    public void Search_describes_its_conditions()
    {
        LogtoSearch search = LogtoSearch.Text("ada").And(UserSearchFields.Id).OneOf("u1", "u2").CaseSensitive();

        Assert.Equal(SearchJoint.And, search.Joint);
        Assert.True(search.IsCaseSensitive);
        Assert.Collection(
            search.Conditions,
            c =>
            {
                Assert.Null(c.Field);
                Assert.Equal(SearchMatchMode.Like, c.Mode);
                Assert.Equal(["%ada%"], c.Values);
                Assert.Equal("any field like \"%ada%\"", c.ToString());
            },
            c =>
            {
                Assert.Equal("id", c.Field);
                Assert.Equal(SearchMatchMode.Exact, c.Mode);
                Assert.Equal(["u1", "u2"], c.Values);
                Assert.Equal("id exact \"u1\" | \"u2\"", c.ToString());
            });
    }

    [Fact]
    public void Search_is_immutable_so_one_start_can_branch_into_two_searches()
    {
        LogtoSearch start = LogtoSearch.Where(UserSearchFields.Name).Contains("ada");

        LogtoSearch all = start.And(UserSearchFields.Username).Exact("ada");
        LogtoSearch any = start.Or(UserSearchFields.PrimaryEmail).EndsWith("@example.com");
        LogtoSearch caseSensitive = start.CaseSensitive();

        Assert.Equal("search.name=%25ada%25", start.ToString());
        Assert.Single(start.Conditions);
        Assert.False(start.IsCaseSensitive);
        Assert.Equal("search.name=%25ada%25&search.username=ada&mode.username=exact&joint=and", all.ToString());
        Assert.Equal("search.name=%25ada%25&search.primaryEmail=%25%40example.com", any.ToString());
        Assert.Equal("search.name=%25ada%25&isCaseSensitive=true", caseSensitive.ToString());
        Assert.Equal("search.name=%25ada%25", caseSensitive.CaseSensitive(false).ToString());
    }

    // Output forms

    [Fact]
    public void WriteTo_appends_after_the_parameters_already_in_the_query()
    {
        var query = new QueryStringBuilder();
        query.Add("page", 2);
        query.Add("page_size", 50);

        LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u2").WriteTo(query);

        Assert.Equal("page=2&page_size=50&search.id=u1&search.id=u2&mode.id=exact", query.ToString());
    }

    [Theory]
    [InlineData("search")]
    [InlineData("search.name")]
    [InlineData("mode")]
    [InlineData("mode.name")]
    [InlineData("joint")]
    [InlineData("jointMode")]
    [InlineData("isCaseSensitive")]
    public void WriteTo_refuses_a_query_that_already_has_a_parameter_Logto_would_merge_into_the_search(string existing)
    {
        var query = new QueryStringBuilder();
        query.Add(existing, "x");

        var error = Assert.Throws<InvalidOperationException>(() => LogtoSearch.Text("ada").WriteTo(query));

        Assert.Contains($"'{existing}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SearchParams", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, query.Count);
    }

    [Fact]
    public void ToSearchParams_holds_the_same_parameters_as_the_query_string()
    {
        Dictionary<string, string> parameters = LogtoSearch.Where(UserSearchFields.PrimaryEmail).EndsWith("@example.com")
            .And(UserSearchFields.Name).Exact("Ada")
            .CaseSensitive()
            .ToSearchParams();

        Assert.Equal(
            [
                Pair("search.primaryEmail", "%@example.com"),
                Pair("search.name", "Ada"),
                Pair("mode.name", "exact"),
                Pair("joint", "and"),
                Pair("isCaseSensitive", "true"),
            ],
            parameters);
    }

    [Fact]
    public void ToSearchParams_refuses_several_values_for_a_field_because_a_dictionary_cannot_repeat_the_key()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u2");

        var error = Assert.Throws<InvalidOperationException>(() => search.ToSearchParams());

        Assert.Contains("'search.id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("repeated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_round_trip_through_the_escaped_query_string()
    {
        string[] values = ["a+b c", "%@example.com", "x&y=z", "Zoë 山田 🙂", @"back\slash", "tab\there"];
        LogtoSearch search = LogtoSearch.Where("id").OneOf(values);

        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + search);

        Assert.Equal(values, parsed["search.id"].Select(v => v ?? "(null)"));
        Assert.Equal("exact", parsed["mode.id"].ToString());
    }

    // What Logto would refuse, refused first

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Empty_or_blank_field_is_refused(string field)
    {
        var error = Assert.Throws<ArgumentException>(() => LogtoSearch.Where(field));

        Assert.Equal("field", error.ParamName);
        Assert.Contains("WhereAnyField()", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LogtoSearch.Text("a").And(field));
        Assert.Throws<ArgumentException>(() => LogtoSearch.Text("a").Or(field));
    }

    [Fact]
    public void Null_field_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => LogtoSearch.Where(null!));
    }

    [Fact]
    public void Nested_field_is_refused_because_Logto_searches_only_top_level_fields()
    {
        var error = Assert.Throws<ArgumentException>(() => LogtoSearch.Where("profile.givenName"));

        Assert.Contains("'profile.givenName'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Exact")]
    [InlineData("OneOf")]
    [InlineData("Like")]
    [InlineData("Contains")]
    [InlineData("StartsWith")]
    [InlineData("EndsWith")]
    [InlineData("SimilarTo")]
    [InlineData("Posix")]
    public void Empty_value_is_refused_because_Logto_refuses_it(string method)
    {
        SearchConditionBuilder name = LogtoSearch.Where("name");
        Func<LogtoSearch> match = method switch
        {
            "Exact" => () => name.Exact(""),
            "OneOf" => () => name.OneOf("a", ""),
            "Like" => () => name.Like(""),
            "Contains" => () => name.Contains(""),
            "StartsWith" => () => name.StartsWith(""),
            "EndsWith" => () => name.EndsWith(""),
            "SimilarTo" => () => name.SimilarTo(""),
            _ => () => name.Posix(""),
        };

        var error = Assert.Throws<ArgumentException>(match);

        Assert.Contains("must not be empty", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.ParamName));
    }

    [Fact]
    public void Null_value_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => LogtoSearch.Where("name").Exact(null!));
        Assert.Throws<ArgumentNullException>(() => LogtoSearch.Where("name").OneOf("a", null!));
        Assert.Throws<ArgumentNullException>(() => LogtoSearch.Where("name").OneOf((IEnumerable<string>)null!));
        Assert.Throws<ArgumentNullException>(() => LogtoSearch.Text(null!));
    }

    [Fact]
    public void OneOf_without_values_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LogtoSearch.Where("id").OneOf());

        Assert.Contains("at least one value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_condition_on_the_same_field_is_refused_because_Logto_would_merge_them()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Name).Exact("Ada");

        var sameMode = Assert.Throws<ArgumentException>(() => search.Or(UserSearchFields.Name).Exact("Bob"));
        var otherMode = Assert.Throws<ArgumentException>(() => search.And(UserSearchFields.Name).Like("%b%"));

        Assert.Contains("field 'name'", sameMode.Message, StringComparison.Ordinal);
        Assert.Contains("name exact \"Ada\"", sameMode.Message, StringComparison.Ordinal);
        Assert.Contains("OneOf(...)", sameMode.Message, StringComparison.Ordinal);
        Assert.Contains("field 'name'", otherMode.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_any_field_condition_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LogtoSearch.Text("ada").OrAnyField().Exact("bob"));

        Assert.Contains("any field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixing_and_with_or_is_refused_because_Logto_joins_all_conditions_the_same_way()
    {
        LogtoSearch all = LogtoSearch.Where("name").Exact("Ada").And("username").Exact("ada");
        LogtoSearch any = LogtoSearch.Where("name").Exact("Ada").Or("username").Exact("ada");

        var orAfterAnd = Assert.Throws<InvalidOperationException>(() => all.Or("id"));
        var andAfterOr = Assert.Throws<InvalidOperationException>(() => any.AndAnyField());

        Assert.Contains("joins its conditions with 'and'", orAfterAnd.Message, StringComparison.Ordinal);
        Assert.Contains("Use only And(...)", orAfterAnd.Message, StringComparison.Ordinal);
        Assert.Contains("joins its conditions with 'or'", andAfterOr.Message, StringComparison.Ordinal);
        Assert.Equal("search.name=Ada&mode.name=exact&search.username=ada&mode.username=exact&search.id=1&mode.id=exact&joint=and",
            all.And("id").Exact("1").ToString());
    }

    [Fact]
    public void Similar_to_without_case_sensitivity_is_refused_when_the_search_is_written()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.Username).SimilarTo("(ada|bob)%");

        var error = Assert.Throws<InvalidOperationException>(() => search.ToString());
        Assert.Throws<InvalidOperationException>(() => search.ToQueryParameters());
        Assert.Throws<InvalidOperationException>(() => search.ToSearchParams());
        Assert.Throws<InvalidOperationException>(() => search.WriteTo(new QueryStringBuilder()));
        Assert.Throws<InvalidOperationException>(() => search.CaseSensitive().CaseSensitive(false).ToString());

        Assert.Contains("CaseSensitive()", error.Message, StringComparison.Ordinal);
        Assert.Contains("Posix(...)", error.Message, StringComparison.Ordinal);
        Assert.Contains("username similar_to \"(ada|bob)%\"", error.Message, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static string Value(LogtoSearch search) => Assert.Single(Assert.Single(search.Conditions).Values);
}
