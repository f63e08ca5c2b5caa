using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.ContractTests.Server;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Http;

namespace LogtoGenerated.ContractTests.Contract;

/// <summary>Something wrong with one call: what kind of problem, and the details.</summary>
internal sealed record Finding(string Kind, string Text)
{
    public const string RequestViolation = "request violation";
    public const string CallFailed = "call failed";
    public const string WrongPath = "wrong path";
    public const string Nullability = "null where the type says not null";
    public const string Setup = "arguments";
    public const string BodyChanged = "body not sent as built";

    public override string ToString() => $"{Kind}: {Text}";
}

/// <summary>A Prism instance and the generated client pointed at it.</summary>
/// <param name="Name">Which document Prism reads, for messages.</param>
/// <param name="Client">The client sending to this Prism.</param>
/// <param name="ReadsVendoredDocument">True for the document in <c>openapi/</c> as the client is generated from it (with <c>openapi/corrections.json</c>), read literally; false for <see cref="IntendedReading"/>'s copy.</param>
internal sealed record PrismTarget(string Name, LogtoManagementClient Client, bool ReadsVendoredDocument)
{
    public override string ToString() => Name;
}

/// <summary>One call of one generated method in one response mode against one Prism, and what was wrong with it.</summary>
/// <param name="ResponseViolations">What Prism's header says is wrong with Prism's own response, for the record.</param>
internal sealed record CallResult(
    ContractOperation Operation,
    PrismTarget Target,
    string Method,
    ResponseMode Mode,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Exchange> Exchanges,
    IReadOnlyList<PrismViolation> ResponseViolations)
{
    public bool Passed => Findings.Count == 0;

    public override string ToString() => $"{Method} ({Mode}; {Target})";
}

/// <summary>
/// Calls the generated methods of an operation through the generated client, the way a user would: it follows the
/// request builders the surface spec names (properties, indexers, <c>By...</c> methods) with valid path parameters,
/// passes valid required query parameters and a minimal valid body built from the document's schema (read into the
/// generated body type, so the client writes it), and sets Prism's <c>Prefer</c> header through the request
/// configuration. Then it checks Prism's <c>sl-violations</c> header (read with <c>OnResponse</c>), the path that went
/// out, and that the response was read into the generated return type.
/// </summary>
internal sealed class OperationCaller(OperationCatalog catalog)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Reads parameter values: the generated context first, then reflection for the few primitives it may lack.</summary>
    private static readonly JsonSerializerOptions ValueOptions = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(LogtoJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>The generated metadata with nullable annotations enforced: a null in a property typed non-nullable fails.</summary>
    internal static readonly LogtoJsonContext StrictContext = new(new JsonSerializerOptions
    {
        RespectNullableAnnotations = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>Every generated method of the operation: the one named after the HTTP method, and the stream and paging variants it has.</summary>
    public static IReadOnlyList<string> MethodsOf(ContractOperation operation)
    {
        var main = operation.Model.HttpMethod + "Async";
        var methods = new List<string> { main };
        if (operation.Model.Response.Kind == ResponseKind.Text)
        {
            methods.Add(operation.Model.HttpMethod + "StreamAsync");
        }

        if (operation.Model.Paging is not null)
        {
            methods.Add("GetPageAsync");
            methods.Add("GetAllAsync");
        }

        return methods;
    }

    /// <summary>Calls every generated method of <paramref name="operation"/> against each Prism in each of <paramref name="modes"/>.</summary>
    public async Task<IReadOnlyList<CallResult>> CallAsync(ContractOperation operation, IReadOnlyList<PrismTarget> targets, IReadOnlyList<ResponseMode> modes)
    {
        var results = new List<CallResult>();
        foreach (var target in targets)
        {
            Arguments arguments;
            try
            {
                arguments = Prepare(operation, target.Client);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException or NotSupportedException or TargetInvocationException or MissingMemberException)
            {
                var finding = new Finding(Finding.Setup, Unwrap(e).GetType().Name + ": " + Unwrap(e).Message);
                results.Add(new CallResult(operation, target, operation.Model.HttpMethod + "Async", ResponseMode.Static, [finding], [], []));
                continue;
            }

            foreach (var mode in modes)
            {
                foreach (var method in MethodsOf(operation))
                {
                    results.Add(await CallAsync(operation, target, arguments, method, mode).ConfigureAwait(false));
                }
            }
        }

        return results;
    }

    /// <summary>The builder holding the operation, the path it stands for, the query arguments and a body factory.</summary>
    private sealed record Arguments(object Builder, string ExpectedPath, IReadOnlyDictionary<string, object?> Query, Func<object?> Body, JsonNode? BodyJson, Type? JsonResponseType);

    private Arguments Prepare(ContractOperation operation, LogtoManagementClient client)
    {
        var model = operation.Model;
        var expected = model.PathTemplate;
        var builder = RequestBuilderWalk.Follow(client, model, operation.Builders, (name, type) =>
        {
            var value = catalog.Schemas.Minimal(catalog.ParameterSchema(operation, "path", name), name)
                ?? throw new InvalidOperationException($"No value for the path parameter '{name}'.");
            expected = expected.Replace("{" + name + "}", Uri.EscapeDataString(WireText(value)), StringComparison.Ordinal);
            return ConvertTo(value, type);
        });

        var query = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in model.RequiredQuery)
        {
            var value = catalog.Schemas.Minimal(catalog.ParameterSchema(operation, "query", parameter.WireName), parameter.WireName);
            query[parameter.Name.TrimStart('@')] = value;
        }

        var main = builder.GetType().GetMethod(model.HttpMethod + "Async")
            ?? throw new MissingMemberException($"{builder.GetType().Name} has no method {model.HttpMethod}Async.");
        var typedQuery = main.GetParameters()
            .Where(p => query.ContainsKey(p.Name!))
            .ToDictionary(p => p.Name!, p => query[p.Name!] is { } value ? ConvertTo((JsonNode)value, p.ParameterType) : null, StringComparer.Ordinal);
        var bodyParameter = main.GetParameters().FirstOrDefault(p => p.Name == "body");
        var body = model.Body is { } content && bodyParameter is not null ? BodyFactory(operation, content, bodyParameter.ParameterType) : () => null;
        var bodyJson = model.Body is { Encoding: BodyEncoding.Json } ? catalog.Schemas.Minimal(catalog.BodySchema(operation, JsonMediaType(operation)), "body") : null;
        var responseType = model.Response.Kind == ResponseKind.Json && main.ReturnType.IsGenericType ? main.ReturnType.GetGenericArguments()[0] : null;
        return new Arguments(builder, expected, typedQuery, body, bodyJson, responseType);
    }

    /// <summary>A factory of request bodies: the minimal valid instance of the document's schema, read into the generated type.</summary>
    private Func<object?> BodyFactory(ContractOperation operation, BodySpec content, Type bodyType)
    {
        switch (content.Encoding)
        {
            case BodyEncoding.Multipart:
            {
                var minimal = catalog.Schemas.Minimal(catalog.BodySchema(operation, "multipart/form-data"), "body") as JsonObject ?? [];
                var shape = (ObjectSpec)((NamedShape)content.Type.Type).Type;
                return () =>
                {
                    // Every file part is sent (the upload is the point of the operation), and the other parts the schema requires.
                    var body = Activator.CreateInstance(bodyType)!;
                    foreach (var part in shape.Properties)
                    {
                        var property = bodyType.GetProperty(part.Name)
                            ?? throw new MissingMemberException($"{bodyType.Name} has no property {part.Name} for the part '{part.WireName}'.");
                        if (property.PropertyType == typeof(FileUpload))
                        {
                            property.SetValue(body, new FileUpload(new MemoryStream("contract test file\n"u8.ToArray()), part.WireName + ".txt", "text/plain"));
                        }
                        else if (minimal[part.WireName] is { } value)
                        {
                            property.SetValue(body, ConvertTo(value, property.PropertyType));
                        }
                    }

                    return body;
                };
            }

            default:
            {
                var mediaType = content.Encoding == BodyEncoding.Json ? JsonMediaType(operation) : "application/x-www-form-urlencoded";
                var json = catalog.Schemas.Minimal(catalog.BodySchema(operation, mediaType), "body")?.ToJsonString() ?? "null";
                var typeInfo = LogtoJsonContext.Default.GetTypeInfo(bodyType)
                    ?? throw new InvalidOperationException($"The body type {bodyType.Name} is not in LogtoJsonContext.");
                return () => JsonSerializer.Deserialize(json, typeInfo);
            }
        }
    }

    private static string JsonMediaType(ContractOperation operation) =>
        (operation.Definition["requestBody"]?["content"] as JsonObject)?.Select(c => c.Key).FirstOrDefault(k => k.Contains("json", StringComparison.OrdinalIgnoreCase))
        ?? "application/json";

    private async Task<CallResult> CallAsync(ContractOperation operation, PrismTarget target, Arguments arguments, string methodName, ResponseMode mode)
    {
        var findings = new List<Finding>();
        var exchanges = ExchangeRecorder.Record();
        var violationHeaders = new List<string?>();
        var method = arguments.Builder.GetType().GetMethod(methodName);
        if (method is null)
        {
            findings.Add(new Finding(Finding.Setup, $"{arguments.Builder.GetType().Name} has no method {methodName}."));
            return new CallResult(operation, target, methodName, mode, findings, exchanges, []);
        }

        Action<RequestConfiguration> configure = c =>
        {
            if (mode.PreferHeader is { } prefer)
            {
                c.Headers["Prefer"] = prefer;
            }

            c.Retry = LogtoRetryOptions.None;
            c.Timeout = CallTimeout;
            c.OnResponse = response =>
            {
                lock (violationHeaders)
                {
                    violationHeaders.Add(response.GetHeader(PrismViolation.HeaderName));
                }
            };
        };

        try
        {
            var values = method.GetParameters().Select(p => p.Name switch
            {
                "body" => arguments.Body(),
                "configure" => configure,
                "cancellationToken" => CancellationToken.None,
                var name when arguments.Query.TryGetValue(name!, out var value) => value,
                var name => throw new MissingMemberException($"{methodName} takes a parameter '{name}' the document does not explain."),
            }).ToArray();
            var result = method.Invoke(arguments.Builder, values);
            await ConsumeAsync(result).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var error = Unwrap(e);
            var text = error is LogtoApiException api
                ? $"{api.GetType().Name} {api.StatusCode}: {api.Message}"
                : $"{error.GetType().Name}: {error.Message}";
            findings.Add(new Finding(Finding.CallFailed, text));
        }

        var responseViolations = new List<PrismViolation>();
        foreach (var header in violationHeaders)
        {
            try
            {
                var violations = PrismViolation.Parse(header);
                findings.AddRange(violations
                    .Where(v => v.IsError && v.IsRequestViolation)
                    .Select(v => new Finding(Finding.RequestViolation, v.ToString())));
                responseViolations.AddRange(violations.Where(v => v.IsError && !v.IsRequestViolation));
            }
            catch (FormatException e)
            {
                findings.Add(new Finding(Finding.RequestViolation, e.Message));
            }
        }

        foreach (var exchange in exchanges)
        {
            if (exchange.RequestUri.AbsolutePath != arguments.ExpectedPath)
            {
                findings.Add(new Finding(Finding.WrongPath, $"sent {exchange.RequestUri.AbsolutePath}, expected {arguments.ExpectedPath}"));
            }

            // The body was read from JSON into the generated type: the client must write back all it read (it may add
            // what the document allows, such as a literal it fills in), and what it writes must be valid as Logto means it.
            if (arguments.BodyJson is { } built && exchange.RequestBody is { } text)
            {
                var sent = JsonNode.Parse(text);
                if (!Includes(sent, built))
                {
                    findings.Add(new Finding(Finding.BodyChanged, $"built {built.ToJsonString()}, sent {text}"));
                }
                else if (!catalog.Schemas.Matches(catalog.BodySchema(operation, JsonMediaType(operation)), sent, SchemaReading.Intended))
                {
                    findings.Add(new Finding(Finding.BodyChanged, $"sent {text}, which is not valid against the document's body schema"));
                }
            }

            if (arguments.JsonResponseType is { } responseType && exchange.Status is >= 200 and < 300 && exchange.ResponseBody.Length > 0)
            {
                try
                {
                    JsonSerializer.Deserialize(exchange.ResponseBody, StrictContext.GetTypeInfo(responseType)!);
                }
                catch (JsonException e)
                {
                    findings.Add(new Finding(Finding.Nullability, e.Message));
                }
            }
        }

        if (exchanges.Count == 0 && findings.Count == 0)
        {
            findings.Add(new Finding(Finding.CallFailed, "no request was sent"));
        }

        return new CallResult(operation, target, methodName, mode, findings, exchanges, responseViolations);
    }

    /// <summary>Whether <paramref name="sent"/> holds everything <paramref name="built"/> holds: the same values, and every property of each object.</summary>
    private static bool Includes(JsonNode? sent, JsonNode? built) => (sent, built) switch
    {
        (JsonObject s, JsonObject b) => b.All(p => s.TryGetPropertyValue(p.Key, out var value) && Includes(value, p.Value)),
        (JsonArray s, JsonArray b) => s.Count == b.Count && s.Zip(b).All(pair => Includes(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(sent, built),
    };

    /// <summary>Awaits a task (reading its result), enumerates an async sequence, reads and disposes a stream.</summary>
    private static async Task ConsumeAsync(object? result)
    {
        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                var value = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
                if (value is Stream stream)
                {
                    await using (stream.ConfigureAwait(false))
                    {
                        using var reader = new StreamReader(stream);
                        await reader.ReadToEndAsync().ConfigureAwait(false);
                    }
                }

                break;
            case not null when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } sequence:
                var item = sequence.GetGenericArguments()[0];
                var drain = typeof(OperationCaller).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(item);
                await ((Task)drain.Invoke(null, [result])!).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"The generated method returned {result?.GetType().Name ?? "null"}, neither a task nor an async sequence.");
        }
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> sequence)
    {
        await foreach (var unused in sequence.ConfigureAwait(false))
        {
        }
    }

    /// <summary>A JSON value as the CLR type a generated member takes (string, number, bool, string enum, list).</summary>
    private static object? ConvertTo(JsonNode value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(bool) && value.GetValueKind() == JsonValueKind.String)
        {
            return bool.Parse((string)value!);
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IList<>) && value is not JsonArray)
        {
            // "One value or a list of them" is a list in the client.
            value = new JsonArray(value.DeepClone());
        }

        return value.Deserialize(type, ValueOptions);
    }

    /// <summary>How a value is written into a path: strings as they are, numbers and booleans as JSON writes them.</summary>
    private static string WireText(JsonNode value) => value.GetValueKind() == JsonValueKind.String
        ? (string)value!
        : value.ToJsonString();

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e;
}
