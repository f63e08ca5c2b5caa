using System.ComponentModel;

namespace LogtoGenerated.Serialization;

/// <summary>
/// A string enumeration that keeps values it does not know: Logto may add values after this
/// client was generated, and those must round-trip rather than fail.
/// </summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
/// <remarks>
/// What <see cref="StringEnumConverter{T}"/> needs of the generated enumerations. Public because that converter is
/// (see there); hidden from IntelliSense because each enumeration has the same members itself.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IStringEnum<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>The value as it appears on the wire.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire form, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The enumeration value.</returns>
    static abstract TSelf FromString(string value);
}
