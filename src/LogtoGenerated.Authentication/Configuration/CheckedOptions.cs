using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LogtoGenerated.Authentication.Configuration;

/// <summary>
/// What options objects resolved to when their validator checked them (at startup, with dependency injection), so that
/// the client built from the same object later does not check them, and derive the shared cache's keys, a second time.
/// Keyed by the very instance: the options monitor hands out a new one after a configuration reload.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <typeparam name="TSettings">What it resolves to.</typeparam>
internal sealed class CheckedOptions<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TSettings>
    where TOptions : class
    where TSettings : class
{
    private readonly ConditionalWeakTable<TOptions, TSettings> _resolved = new();

    /// <summary>Remembers what these options resolved to.</summary>
    public void Remember(TOptions options, TSettings settings) => _resolved.AddOrUpdate(options, settings);

    /// <summary>What these options resolved to when they were checked, or <see langword="null"/> when they were not.</summary>
    public TSettings? Resolved(TOptions options) => _resolved.TryGetValue(options, out TSettings? settings) ? settings : null;
}
