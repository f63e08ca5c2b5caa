using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Http;
using LogtoGenerated.LiveTests.Seeding;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>What became of one operation in a crawl.</summary>
internal enum OutcomeKind
{
    /// <summary>A successful response, read into the generated type (also with nullable annotations enforced).</summary>
    Ok,

    /// <summary>Refused with one of Logto's "not configured" codes: a bare self-hosted Logto cannot serve it (<see cref="ServerLimits"/>).</summary>
    NotConfigured,

    /// <summary>Not tried: the operation needs what a bare server cannot have (<see cref="ServerLimits"/>), or data the seed cannot make.</summary>
    NotTried,

    /// <summary>Refused for a reason <see cref="ServerLimits"/> explains (not the client's doing).</summary>
    Refused,

    /// <summary>A client fault: a 400 for what the client serialized, or a successful response the client cannot read.</summary>
    Fault,

    /// <summary>Refused for a reason nothing explains yet: a fault until someone explains it.</summary>
    Unexplained,
}

/// <summary>One operation's outcome, with the status and Logto's error code where there was one.</summary>
internal sealed record CrawlOutcome(LiveOperation Operation, OutcomeKind Kind, string Detail, int? Status = null, string? Code = null)
{
    public override string ToString() => $"{Operation.Display}: {Kind}{(Status is { } s ? $" {s}" : "")}{(Code is { } c ? $" {c}" : "")}: {Detail}";
}

/// <summary>
/// Calls operations on the live server one after another and classifies each outcome. A successful response must be
/// read by the generated method, and again with nullable annotations enforced (a <c>null</c> in a property typed not
/// null is a fault); an operation the client reads no body from must not be sent a JSON body it throws away.
/// </summary>
internal sealed class Crawler(LogtoManagementClient client, LiveData data)
{
    /// <summary>The generated metadata with nullable annotations enforced.</summary>
    private static readonly LogtoJsonContext StrictContext = new(new JsonSerializerOptions
    {
        RespectNullableAnnotations = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    private readonly OperationInvoker _invoker = new(data);

    public async Task<IReadOnlyList<CrawlOutcome>> RunAsync(IEnumerable<LiveOperation> operations)
    {
        var outcomes = new List<CrawlOutcome>();
        foreach (var operation in operations)
        {
            outcomes.Add(await RunAsync(operation));
        }

        return outcomes;
    }

    private async Task<CrawlOutcome> RunAsync(LiveOperation operation)
    {
        if (ServerLimits.NotTried(operation.Display) is { } reason)
        {
            return new CrawlOutcome(operation, OutcomeKind.NotTried, reason);
        }

        var (call, missing) = _invoker.Prepare(operation, client, c => c.Timeout = TimeSpan.FromSeconds(30));
        if (call is null)
        {
            return new CrawlOutcome(operation, OutcomeKind.NotTried, missing!);
        }

        var exchanges = ExchangeRecorder.Record();
        try
        {
            var result = call.Method.Invoke(call.Builder, call.Arguments);
            await ConsumeAsync(result);
        }
        catch (Exception e)
        {
            return Classify(operation, Unwrap(e), exchanges);
        }

        var last = exchanges.LastOrDefault(x => !x.RequestUri.AbsolutePath.StartsWith("/oidc/", StringComparison.Ordinal));
        if (last is null)
        {
            return new CrawlOutcome(operation, OutcomeKind.Fault, "no request was sent");
        }

        if (operation.Model.Response is { Kind: ResponseKind.Json, Type: not null } && last.ResponseBody.Length > 0 && ResponseType(call) is { } type)
        {
            try
            {
                JsonSerializer.Deserialize(last.ResponseBody, StrictContext.GetTypeInfo(type)!);
            }
            catch (JsonException e)
            {
                return new CrawlOutcome(operation, OutcomeKind.Fault, "read with nullable annotations enforced: " + e.Message, last.Status);
            }
        }

        if (operation.Model.Response.Kind == ResponseKind.None && last.ResponseContentType?.Contains("json", StringComparison.Ordinal) == true && last.ResponseBody.Trim().Length > 0)
        {
            return new CrawlOutcome(operation, OutcomeKind.Fault, $"the server sent a JSON body the client does not read: {Truncate(last.ResponseBody)}", last.Status);
        }

        return new CrawlOutcome(operation, OutcomeKind.Ok, $"{last.Status} {last.ResponseContentType ?? "no content"}", last.Status);
    }

    private static CrawlOutcome Classify(LiveOperation operation, Exception error, List<Exchange> exchanges)
    {
        if (error is not LogtoApiException api)
        {
            var sent = exchanges.LastOrDefault();
            return new CrawlOutcome(operation, OutcomeKind.Fault, $"{error.GetType().Name}: {error.Message}{(sent is null ? "" : $" (response {sent.Status}: {Truncate(sent.ResponseBody)})")}", sent?.Status);
        }

        var body = exchanges.LastOrDefault()?.RequestBody;
        var detail = $"{api.ErrorMessage ?? api.Message}{(body is null ? "" : $" (sent {Truncate(body)})")}";
        if (api.StatusCode is >= 200 and < 300)
        {
            return new CrawlOutcome(operation, OutcomeKind.Fault, "a successful response the client could not read: " + api.Message, api.StatusCode);
        }

        if (ServerLimits.IsNotConfigured(api.Code))
        {
            return new CrawlOutcome(operation, OutcomeKind.NotConfigured, detail, api.StatusCode, api.Code);
        }

        if (api.StatusCode == 400 && api.Code == "guard.invalid_input")
        {
            return new CrawlOutcome(operation, OutcomeKind.Fault, "the server refused what the client serialized: " + detail + " " + api.Details, api.StatusCode, api.Code);
        }

        return ServerLimits.Refusal(operation.Display, api.StatusCode, api.Code) is { } why
            ? new CrawlOutcome(operation, OutcomeKind.Refused, why, api.StatusCode, api.Code)
            : new CrawlOutcome(operation, OutcomeKind.Unexplained, detail + " " + api.Details, api.StatusCode, api.Code);
    }

    private static Type? ResponseType(OperationInvoker.Call call)
    {
        var returns = call.Method.ReturnType;
        return returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : null;
    }

    private static async Task ConsumeAsync(object? result)
    {
        if (result is not Task task)
        {
            throw new InvalidOperationException($"The generated method returned {result?.GetType().Name ?? "null"}, not a task.");
        }

        await task;
        var value = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        switch (value)
        {
            case Stream stream:
                await using (stream)
                {
                    await stream.CopyToAsync(Stream.Null);
                }

                break;
            case IEnumerable sequence and not string:
                // Enumerate lists fully (union members and lazily read values fail here if they fail at all).
                foreach (var unused in sequence)
                {
                }

                break;
        }
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e;

    internal static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
