using System.Globalization;
using LogtoGenerated.Http;

namespace LogtoGenerated.Tests.Http;

public class QueryStringBuilderTests
{
    [Fact]
    public void Empty_builder_renders_empty_string()
    {
        var query = new QueryStringBuilder();
        Assert.Equal(0, query.Count);
        Assert.Equal("", query.ToString());
    }

    [Fact]
    public void Pairs_are_joined_in_insertion_order_without_leading_question_mark()
    {
        var query = new QueryStringBuilder();
        query.Add("b", "2");
        query.Add("a", "1");
        Assert.Equal(2, query.Count);
        Assert.Equal("b=2&a=1", query.ToString());
    }

    [Fact]
    public void Names_and_values_are_escaped_with_EscapeDataString()
    {
        var query = new QueryStringBuilder();
        query.Add("search[name]", "a b&c=d/é+%?#");
        Assert.Equal("search%5Bname%5D=a%20b%26c%3Dd%2F%C3%A9%2B%25%3F%23", query.ToString());
    }

    [Fact]
    public void Null_values_add_nothing()
    {
        var query = new QueryStringBuilder();
        query.Add("s", (string?)null);
        query.Add("i", (int?)null);
        query.Add("l", (long?)null);
        query.Add("d", (double?)null);
        query.Add("b", (bool?)null);
        query.Add("t", (DateTimeOffset?)null);
        query.AddEach<string>("e", null);
        query.AddExploded(null);
        Assert.Equal(0, query.Count);
    }

    [Fact]
    public void Empty_string_value_is_kept_as_name_equals_nothing()
    {
        var query = new QueryStringBuilder();
        query.Add("search", "");
        Assert.Equal("search=", query.ToString());
    }

    [Fact]
    public void Numbers_booleans_and_dates_use_invariant_culture_whatever_the_current_culture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var query = new QueryStringBuilder();
            query.Add("i", -12345);
            query.Add("l", 9007199254740993L);
            query.Add("d", 1234.5);
            query.Add("r", 0.1 + 0.2);
            query.Add("t", true);
            query.Add("f", false);
            query.Add("at", new DateTimeOffset(2026, 11, 21, 7, 46, 52, 123, TimeSpan.FromHours(2)));
            Assert.Equal(
                "i=-12345&l=9007199254740993&d=1234.5&r=0.30000000000000004&t=true&f=false&at=2026-11-21T07%3A46%3A52.1230000%2B02%3A00",
                query.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void AddEach_repeats_the_name_and_formats_each_value_like_Add()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var query = new QueryStringBuilder();
            query.AddEach("id", new[] { "u 1", "u2" });
            query.AddEach("n", new[] { 1.5, 2 });
            query.AddEach("b", new[] { true, false });
            query.AddEach("s", new string?[] { "x", null, "y" });
            Assert.Equal("id=u%201&id=u2&n=1.5&n=2&b=true&b=false&s=x&s=y", query.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void AddEach_with_empty_collection_adds_nothing()
    {
        var query = new QueryStringBuilder();
        query.AddEach("id", Array.Empty<string>());
        Assert.Equal("", query.ToString());
    }

    [Fact]
    public void AddExploded_adds_each_key_as_its_own_parameter_in_dictionary_order()
    {
        var query = new QueryStringBuilder();
        query.Add("page", 1);
        query.AddExploded(new List<KeyValuePair<string, string>>
        {
            new("search.name", "ali ce"),
            new("search.primaryEmail", "a@b.c"),
        });
        Assert.Equal("page=1&search.name=ali%20ce&search.primaryEmail=a%40b.c", query.ToString());
    }

    [Fact]
    public void Empty_name_is_rejected_with_ArgumentException()
    {
        var query = new QueryStringBuilder();
        ArgumentException e = Assert.Throws<ArgumentException>(() => query.Add("", "x"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("must not be null or empty", e.Message);
    }

    [Fact]
    public async Task ToFormContent_is_form_urlencoded_with_the_same_pairs()
    {
        var query = new QueryStringBuilder();
        query.Add("grant_type", "client_credentials");
        query.Add("resource", "https://default.logto.app/api");
        query.Add("scope", "all read");
        using HttpContent content = query.ToFormContent();
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.ToString());
        Assert.Equal(
            "grant_type=client_credentials&resource=https%3A%2F%2Fdefault.logto.app%2Fapi&scope=all%20read",
            await content.ReadAsStringAsync());
    }
}
