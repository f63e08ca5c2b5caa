using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>
/// Which numbers of the document are points in time. Logto stores its timestamps as <c>timestamptz</c> columns and
/// sends them as JSON numbers of milliseconds since the Unix epoch, which its document types as plain <c>number</c>;
/// the generator makes them <see cref="PrimitiveKind.EpochMilliseconds"/> (<c>DateTimeOffset</c> in C#, still sent
/// as the same integer number of milliseconds).
/// </summary>
/// <remarks>
/// The rule:
/// <list type="bullet">
/// <item>An object property of type <c>number</c> or <c>integer</c> whose name ends with <c>At</c> after a lowercase
/// letter (<c>createdAt</c>, <c>updatedAt</c>, <c>lastSignInAt</c>, <c>expiresAt</c>, <c>enabledAt</c>, ...), except
/// where Logto fills such a property with seconds (<see cref="SecondsProperties"/>).</item>
/// <item>The query parameters <c>start_time</c> and <c>end_time</c> (the time window of the log lists), which the
/// document types as strings and Logto reads as a number of milliseconds (<c>parseTimestampParam</c>).</item>
/// </list>
/// Other numbers stay numbers: seconds such as the JWT claims <c>exp</c>, <c>iat</c> and <c>loginTs</c> of sessions,
/// durations, counts and <c>validPeriodDays</c>. A <c>format: date-time</c> string is an ISO 8601
/// <see cref="PrimitiveKind.DateTimeOffset"/>, a different wire form.
/// </remarks>
internal static class Timestamps
{
    /// <summary>The query parameters that are epoch milliseconds whatever their schema says.</summary>
    private static readonly HashSet<string> QueryParameters = new(StringComparer.Ordinal) { "start_time", "end_time" };

    /// <summary>
    /// Properties named like timestamps that Logto fills with seconds since the epoch, not milliseconds: a property
    /// name and a fragment of the JSON pointer of the schema holding it. They stay numbers.
    /// </summary>
    private static readonly (string Property, string PointerFragment)[] SecondsProperties =
    [
        // The OIDC signing and cookie keys: createdAt is Math.floor(Date.now() / 1000) when a key is generated.
        ("createdAt", "/paths/~1api~1configs~1oidc~1{keyType}"),
        // The metadata of a stored federated token set: expiresAt is the token response's time plus expires_in, in seconds.
        ("expiresAt", "/properties/tokenSecret/properties/metadata"),
    ];

    /// <summary>The use of a property: a timestamp number becomes <see cref="PrimitiveKind.EpochMilliseconds"/>; anything else is kept.</summary>
    /// <param name="wireName">The property's name in JSON.</param>
    /// <param name="pointer">The JSON pointer of the property's schema.</param>
    /// <param name="use">The property's type as resolved from its schema.</param>
    public static TypeUse PropertyForm(string wireName, string pointer, TypeUse use) =>
        IsNumber(use) && IsTimestampName(wireName) && !IsSeconds(wireName, pointer)
            ? use with { Type = new PrimitiveRef(PrimitiveKind.EpochMilliseconds) }
            : use;

    /// <summary>The use of a query parameter: <c>start_time</c> and <c>end_time</c>, strings or numbers, become <see cref="PrimitiveKind.EpochMilliseconds"/>.</summary>
    /// <param name="wireName">The parameter's name.</param>
    /// <param name="use">The parameter's type as resolved from its schema.</param>
    public static TypeUse QueryForm(string wireName, TypeUse use) =>
        QueryParameters.Contains(wireName) && (IsNumber(use) || use.Type is PrimitiveRef { Kind: PrimitiveKind.String })
            ? use with { Type = new PrimitiveRef(PrimitiveKind.EpochMilliseconds) }
            : use;

    private static bool IsNumber(TypeUse use) =>
        use.Type is PrimitiveRef { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double };

    /// <summary><c>createdAt</c>, <c>lastSignInAt</c>: <c>At</c> after a lowercase letter (not <c>At</c> alone, nor <c>STAT</c>).</summary>
    private static bool IsTimestampName(string wireName) =>
        wireName.Length > 2 && wireName.EndsWith("At", StringComparison.Ordinal) && char.IsLower(wireName[^3]);

    private static bool IsSeconds(string wireName, string pointer) =>
        SecondsProperties.Any(e => e.Property == wireName && pointer.Contains(e.PointerFragment, StringComparison.Ordinal));
}
