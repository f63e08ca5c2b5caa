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

    /// <summary>Asserts that every option of <paramref name="read"/> differs from the default one (each was read).</summary>
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

            bool same = value is IEnumerable list && value is not string
                ? list.Cast<object>().SequenceEqual(((IEnumerable)defaultValue!).Cast<object>())
                : Equals(value, defaultValue);
            Assert.False(same, $"{read.GetType().Name}.{property.Name} was not read from configuration (it still has its default, {defaultValue}).");
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
            Type t = property.PropertyType;
            if (t == typeof(LogtoRetryOptions))
            {
                AddKeys(t, key, values);
            }
            else if (t == typeof(IList<string>))
            {
                values[key + ":0"] = "x" + property.Name;
            }
            else
            {
                values[key] = t == typeof(string) ? "x" + property.Name
                    : t == typeof(Uri) ? "https://" + property.Name.ToLowerInvariant() + ".example/"
                    : t == typeof(TimeSpan) ? "00:00:07"
                    : t == typeof(bool) ? "true"
                    : t == typeof(int) ? "7"
                    : t == typeof(long) ? "7777"
                    : throw new InvalidOperationException(
                        $"{type.Name}.{property.Name} is of type {t.Name}, which this test does not know: add a configuration value for it, or list it as code-only.");
            }
        }
    }
}
