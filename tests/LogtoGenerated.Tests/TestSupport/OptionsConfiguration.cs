using System.Collections;
using System.Reflection;
using LogtoGenerated.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Tests.TestSupport;

/// <summary>
/// Checks that an options type is read from configuration whole: a value unlike the default for every public settable
/// property (nested options included), bound by the registration's own configuration step, then compared property by
/// property. A property of a type this helper does not know fails the test, so a new option cannot go unread unnoticed.
/// </summary>
internal static class OptionsConfiguration
{
    /// <summary>The options only code can set: objects, not values (the shared cache, the rate limiter, the clock).</summary>
    private static readonly HashSet<string> CodeOnly = ["SharedTokenCache", "RateLimiter", "TimeProvider"];

    /// <summary>A configuration with a key under <paramref name="prefix"/> for every option of <typeparamref name="TOptions"/>.</summary>
    public static IConfiguration EveryKey<TOptions>(string prefix)
    {
        var values = new Dictionary<string, string?>();
        AddKeys(typeof(TOptions), prefix, values);
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The options as the registered configuration steps make them, before validation (the values are not meant to be valid).</summary>
    public static TOptions Configured<TOptions>(IServiceProvider services, string name)
        where TOptions : class, new()
    {
        var options = new TOptions();
        foreach (IConfigureOptions<TOptions> step in services.GetServices<IConfigureOptions<TOptions>>())
        {
            if (step is IConfigureNamedOptions<TOptions> named)
            {
                named.Configure(name, options);
            }
            else
            {
                step.Configure(options);
            }
        }

        return options;
    }

    /// <summary>
    /// Asserts that every option of <paramref name="read"/> holds the value <see cref="EveryKey{TOptions}"/> configured
    /// for it, and that this value is not the option's default (so that reading it is what set it).
    /// </summary>
    public static void AssertEveryKeyWasRead(object read, object defaults)
    {
        foreach (PropertyInfo property in Options(read.GetType()))
        {
            object? value = property.GetValue(read);
            object? defaultValue = property.GetValue(defaults);
            if (property.PropertyType == typeof(LogtoRetryOptions))
            {
                AssertEveryKeyWasRead(value!, defaultValue!);
                continue;
            }

            string what = $"{read.GetType().Name}.{property.Name}";
            object expected = Expected(property);
            if (expected is string[] list)
            {
                Assert.True(list.SequenceEqual((IEnumerable<string>)value!), $"{what} was not read from configuration.");
                Assert.False(list.SequenceEqual((IEnumerable<string>)defaultValue!), $"{what}: the configured value is its default.");
            }
            else
            {
                Assert.True(Equals(expected, value), $"{what} is {value}, not the configured {expected}.");
                Assert.False(Equals(expected, defaultValue), $"{what}: the configured value is its default.");
            }
        }
    }

    private static IEnumerable<PropertyInfo> Options(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && !CodeOnly.Contains(p.Name));

    private static void AddKeys(Type type, string prefix, Dictionary<string, string?> values)
    {
        foreach (PropertyInfo property in Options(type))
        {
            string key = prefix + ":" + property.Name;
            if (property.PropertyType == typeof(LogtoRetryOptions))
            {
                AddKeys(property.PropertyType, key, values);
            }
            else if (Expected(property) is string[] list)
            {
                values[key + ":0"] = list.Single();
            }
            else
            {
                values[key] = Convert.ToString(Expected(property), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The value configured for an option: one for each type of option, unlike any default.</summary>
    private static object Expected(PropertyInfo property)
    {
        Type t = property.PropertyType;
        return t == typeof(string) ? "x" + property.Name
            : t == typeof(IList<string>) ? new[] { "x" + property.Name }
            : t == typeof(Uri) ? new Uri("https://" + property.Name.ToLowerInvariant() + ".example/")
            : t == typeof(TimeSpan) ? TimeSpan.FromSeconds(7)
            : t == typeof(bool) ? true
            : t == typeof(int) ? (object)7
            : t == typeof(long) ? (object)7777L
            : throw new InvalidOperationException(
                $"{property.DeclaringType!.Name}.{property.Name} is of type {t.Name}, which this test does not know: add a configuration value for it, or list it as code-only.");
    }
}
