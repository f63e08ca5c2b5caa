namespace LogtoGenerated.ContractTests.Contract;

/// <summary>
/// How Prism makes up the response: from the document's static examples (or, where there are none, a fixed instance
/// of the schema), or dynamically from the schema with json-schema-faker, seeded per request with Prism's
/// <c>Prefer: dynamic=true, seed=N</c> header so that a failure can be reproduced.
/// </summary>
/// <param name="Seed">The seed of a dynamic response; <see langword="null"/> for static examples.</param>
internal readonly record struct ResponseMode(int? Seed)
{
    public static ResponseMode Static => new(null);

    public static ResponseMode Dynamic(int seed) => new(seed);

    /// <summary>The <c>Prefer</c> header that selects this mode; <see langword="null"/> for Prism's default, static examples.</summary>
    public string? PreferHeader => Seed is { } seed ? $"dynamic=true, seed={seed}" : null;

    public override string ToString() => Seed is { } seed ? $"dynamic, seed {seed}" : "static examples";
}
