using System.Text.Json.Nodes;

namespace LogtoGenerated.ContractTests.Contract;

/// <summary>Findings of one kind whose text contains something.</summary>
internal sealed record FindingPattern(string Kind, string Contains)
{
    public bool Matches(Finding finding) => finding.Kind == Kind && finding.Text.Contains(Contains, StringComparison.Ordinal);

    public override string ToString() => $"{Kind} containing \"{Contains}\"";
}

/// <summary>
/// A finding that is not the client's fault: Prism, or the document it reads, is wrong about some operations. Each
/// entry says which operations (by a rule on the document, stated in words), which findings, in which response modes
/// and against which Prism, and why. An entry that excuses nothing any more fails the contract test, so the table
/// cannot outlive its reasons; the test's output lists the operations each entry excused.
/// </summary>
/// <param name="Name">A short name.</param>
/// <param name="Reason">Why this is Prism's or the document's error, and not the client's.</param>
/// <param name="Operations">Which operations, in words (the rule <paramref name="AppliesTo"/> follows).</param>
/// <param name="AppliesTo">Picks the operations out of the document.</param>
/// <param name="Findings">The findings excused.</param>
/// <param name="Mode">The response modes excused.</param>
/// <param name="RewrittenDocumentToo">
/// True when Prism on <see cref="IntendedReading"/>'s copy needs the exception as well; false when the rewrite removes
/// the cause, so that only Prism on the vendored document is excused.
/// </param>
internal sealed record PrismDeviation(
    string Name,
    string Reason,
    string Operations,
    Func<ContractOperation, bool> AppliesTo,
    IReadOnlyList<FindingPattern> Findings,
    ModeFilter Mode = ModeFilter.Any,
    bool RewrittenDocumentToo = false)
{
    public bool Excuses(CallResult call, Finding finding) =>
        Findings.Any(p => p.Matches(finding))
        && (call.Target.ReadsVendoredDocument || RewrittenDocumentToo)
        && Mode switch
        {
            ModeFilter.Static => call.Mode.Seed is null,
            ModeFilter.Dynamic => call.Mode.Seed is not null,
            _ => true,
        }
        && AppliesTo(call.Operation);

    public override string ToString() =>
        $"{Name}: {Operations}; excuses {string.Join(", ", Findings)}" +
        (Mode == ModeFilter.Any ? "" : $" in {Mode.ToString().ToLowerInvariant()} responses") +
        (RewrittenDocumentToo ? " from both Prisms" : " from Prism on the vendored document") + ". " + Reason;
}

/// <summary>Which response modes a deviation is about.</summary>
internal enum ModeFilter
{
    Any,
    Static,
    Dynamic,
}

/// <summary>The exceptions table: every deviation of Prism (or of the document) that the contract test tolerates.</summary>
internal static class PrismDeviations
{
    private static OperationCatalog Catalog => OperationCatalog.Instance;

    public static IReadOnlyList<PrismDeviation> All { get; } =
    [
        new(
            "oneOf read as exclusive",
            "Logto's unions are zod unions, which take a value that any alternative takes (the first that matches); the " +
            "document writes them as oneOf, which also demands that no other alternative matches. Alternatives that differ " +
            "only in a literal match together because the literal is written as a format (\"format\": \"\\\"Text\\\"\") that " +
            "validators ignore, and some alternatives overlap outright ({\"type\": \"Totp\"} is also a {\"type\": string}), so " +
            "Prism finds no body valid. Prism on the rewritten document (anyOf, literals as enums) checks these bodies instead.",
            "operations whose request body holds a oneOf",
            operation => RequestBodyHas(operation, schema => schema["oneOf"] is JsonArray),
            [new(Finding.RequestViolation, "(oneOf)")]),
        new(
            "JavaScript regular expressions as patterns",
            "The document writes zod's regular expressions as JavaScript literals with slashes (\"pattern\": \"/^\\\\S+@\\\\S+\\\\.\\\\S+$/\"). " +
            "As a JSON Schema pattern that asks for a slash before the start of the string, so no value matches, and ajv then " +
            "also reports the other oneOf alternative's missing required property. Logto checks the expression between the " +
            "slashes, which the test's values match; Prism on the rewritten document checks it too.",
            "operations whose request body holds a pattern written as a JavaScript regular expression literal",
            operation => RequestBodyHas(operation, schema => SchemaInstances.StringOf(schema, "pattern") is { } pattern && SchemaInstances.RegexLiteralParts(pattern) is not null),
            [new(Finding.RequestViolation, "must match pattern \"/"), new(Finding.RequestViolation, "must have required property")]),
        new(
            "Object default lacking its required properties",
            "For a static response Prism uses a schema's default. The document gives passwordPolicy.length \"default\": {} while " +
            "requiring min and max: zod starts from {} and fills in the properties' own defaults (8 and 256), but Prism " +
            "answers with the bare {}, which breaks the document (Prism's own sl-violations header says so) and which the " +
            "client rightly refuses to read into a type whose min and max are required. Prism on the rewritten document " +
            "(defaults filled in) answers with a valid object that the client reads.",
            "operations whose success response holds an object default without a property the object requires",
            operation => SuccessResponseHas(operation, DefaultLacksRequiredProperty),
            [new(Finding.CallFailed, "was missing required properties"), new(Finding.Nullability, "was missing required properties")],
            ModeFilter.Static),
        new(
            "Dynamic response for a media type without a schema",
            "Prism 5 cannot make up a dynamic response for a media type the document declares without a schema: it answers " +
            "500 \"Tried to force a dynamic response for: application/json but schema is not defined\". Logto answers these " +
            "operations with an empty 201 or with JSON the document does not describe, which the client reads as null or a " +
            "JsonNode; the static mode, where Prism answers with an empty body, checks that.",
            "operations whose success response declares a media type without a schema",
            SuccessMediaTypeWithoutSchema,
            [new(Finding.CallFailed, "Tried to force a dynamic response")],
            ModeFilter.Dynamic,
            RewrittenDocumentToo: true),
    ];

    private static bool RequestBodyHas(ContractOperation operation, Func<JsonObject, bool> predicate) =>
        (operation.Definition["requestBody"]?["content"] as JsonObject)?.Any(c => c.Value?["schema"] is { } schema && Has(schema, predicate)) == true;

    private static bool SuccessResponseHas(ContractOperation operation, Func<JsonObject, bool> predicate) =>
        SuccessContents(operation).Any(c => c["schema"] is { } schema && Has(schema, predicate));

    private static bool SuccessMediaTypeWithoutSchema(ContractOperation operation) =>
        SuccessContents(operation).Any(c => c["schema"] is null);

    private static IEnumerable<JsonObject> SuccessContents(ContractOperation operation) =>
        (operation.Definition["responses"] as JsonObject ?? [])
            .Where(r => r.Key.StartsWith('2'))
            .SelectMany(r => r.Value?["content"] as JsonObject ?? [])
            .Select(c => c.Value as JsonObject)
            .OfType<JsonObject>();

    private static bool DefaultLacksRequiredProperty(JsonObject schema) =>
        schema["default"] is JsonObject value
        && (schema["required"] as JsonArray ?? []).Any(r => r is JsonValue name && name.TryGetValue(out string? text) && !value.ContainsKey(text));

    /// <summary>Whether <paramref name="predicate"/> holds for the schema or any schema inside it, references followed.</summary>
    private static bool Has(JsonNode schema, Func<JsonObject, bool> predicate)
    {
        var seen = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        return Visit(schema);

        bool Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when o["$ref"] is JsonValue:
                    var target = Catalog.Schemas.Resolve(o);
                    return seen.Add(target) && Visit(target);
                case JsonObject o:
                    return predicate(o) || o.Any(p => p.Value is JsonObject or JsonArray && Visit(p.Value));
                case JsonArray a:
                    return a.Any(Visit);
                default:
                    return false;
            }
        }
    }
}
