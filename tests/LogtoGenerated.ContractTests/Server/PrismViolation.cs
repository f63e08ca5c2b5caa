using System.Text.Json;

namespace LogtoGenerated.ContractTests.Server;

/// <summary>
/// One entry of Prism's <c>sl-violations</c> response header: a way the request (or, when Prism validates responses,
/// the response) breaks the document. Prism sends the header as a JSON array of these.
/// </summary>
/// <param name="Location">Where, for example <c>request.body.username</c> or <c>request.query.page</c>.</param>
/// <param name="Severity"><c>Error</c>, <c>Warning</c>, <c>Information</c> or <c>Hint</c>.</param>
/// <param name="Code">The validator's keyword or status, for example <c>type</c>, <c>required</c>, <c>401</c>.</param>
/// <param name="Message">Prism's explanation.</param>
internal sealed record PrismViolation(string Location, string Severity, string Code, string Message)
{
    /// <summary>The name of the header Prism lists violations in.</summary>
    public const string HeaderName = "sl-violations";

    public bool IsError => string.Equals(Severity, "Error", StringComparison.OrdinalIgnoreCase);

    public bool IsRequestViolation => Location == "request" || Location.StartsWith("request.", StringComparison.Ordinal);

    public override string ToString() => $"{Severity} at {Location} ({Code}): {Message}";

    /// <summary>
    /// Reads the header's value; <see langword="null"/> or empty is no violation. Prism cuts a value longer than about
    /// 8 KB and prefixes it with <c>Too many violations!</c>: the complete entries before the cut are read. Prism lists
    /// the request's violations before the response's, so a cut list still holds every request violation unless those
    /// alone are longer than the header.
    /// </summary>
    /// <exception cref="FormatException">The value is not the JSON array Prism writes.</exception>
    public static IReadOnlyList<PrismViolation> Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        const string TruncatedPrefix = "Too many violations! ";
        var truncated = header.StartsWith(TruncatedPrefix, StringComparison.Ordinal);
        var json = System.Text.Encoding.UTF8.GetBytes(truncated ? header[TruncatedPrefix.Length..] : header);
        var reader = new Utf8JsonReader(json, isFinalBlock: !truncated, default);
        var violations = new List<PrismViolation>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException($"The {HeaderName} header is not a JSON array of violations: {header}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                // False for an entry cut short (the reader is not at the final block then): the list ends there.
                if (!JsonDocument.TryParseValue(ref reader, out var entry))
                {
                    break;
                }

                using (entry)
                {
                    violations.Add(Read(entry.RootElement));
                }
            }
        }
        catch (JsonException e) when (!truncated)
        {
            throw new FormatException($"The {HeaderName} header is not a JSON array of violations: {header}", e);
        }
        catch (JsonException) when (truncated)
        {
            // The cut: the entries read so far are all there is.
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"The {HeaderName} header holds an entry that is not a violation: {header}", e);
        }

        return violations;
    }

    private static PrismViolation Read(JsonElement element)
    {
        var location = element.TryGetProperty("location", out var path) && path.ValueKind == JsonValueKind.Array
            ? string.Join('.', path.EnumerateArray().Select(p => p.ToString()))
            : "";
        var code = element.TryGetProperty("code", out var c) ? c.ToString() : "";
        return new PrismViolation(location, element.GetProperty("severity").GetString() ?? "", code, element.GetProperty("message").GetString() ?? "");
    }
}
