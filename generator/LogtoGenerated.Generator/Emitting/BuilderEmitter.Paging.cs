using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Emitting;

// The paging methods of a paged list operation, GetPageAsync and GetAllAsync; the rest of the class is in BuilderEmitter.cs.
internal sealed partial class BuilderEmitter
{
    /// <summary><c>GetPageAsync</c> and <c>GetAllAsync</c> of a paged list, both handing the work to the runtime's <c>LogtoPager</c>.</summary>
    private void EmitPaging(SourceWriter writer, OperationSpec operation, PagingSpec paging, string adapter, string path)
    {
        var summary = operation.SummaryOrOperationId;
        var item = names.Of(paging.Item);
        var info = names.ResponseInfo(operation.Response.Type!);
        var argumentError = "<exception cref=\"global::System.ArgumentOutOfRangeException\"><c>QueryParameters.Page</c> is below 1, or <c>QueryParameters.PageSize</c> is not between 1 and 100; nothing was sent.</exception>";

        WriteOperationDocs(
            writer,
            operation,
            summary: summary + ": one page, with Logto's total count",
            remarks: "<para>Reads one page. <c>QueryParameters.Page</c> is sent as <c>page</c>, Logto's page number, from 1 (default 1); " +
                "<c>QueryParameters.PageSize</c> as <c>page_size</c>, the items per page, from 1 to 100 (default 20, Logto's default). " +
                "Both are always sent, so the list is paged even where Logto returns everything when they are missing. " +
                "The page carries Logto's <c>Total-Number</c> header as <c>TotalCount</c> and the number of the next page as <c>NextPage</c>; " +
                "<see cref=\"GetAllAsync\"/> reads every page.</para>",
            returns: "The page: its items, its number and size, and Logto's total count.",
            exceptions: argumentError);
        writer.Open($"public virtual {Task}<{names.Paging}.LogtoPage<{item}>> GetPageAsync({string.Join(", ", Parameters(operation))})");
        WriteGuards(writer, operation);
        WritePagerCall(writer, operation, adapter, path, "GetPageAsync", info);
        writer.Close().Line();

        WriteOperationDocs(
            writer,
            operation,
            summary: summary + ": every item, page after page",
            remarks: "<para>Streams every item (<c>await foreach</c>), requesting a page only when the previous one has been read. " +
                "Starts at <c>QueryParameters.Page</c> (<c>page</c>, Logto's page number, from 1; default 1) and asks for " +
                "<c>QueryParameters.PageSize</c> items per page (<c>page_size</c>, from 1 to 100; default 100). " +
                "Stops after a page that is empty, shorter than the page size, or reaches Logto's <c>Total-Number</c> " +
                "(when Logto capped the count, it asks until a page comes back empty). Every page is sent with the other query parameters " +
                "and the headers set by <paramref name=\"configure\"/>, which runs for each page's request (and once up front, to check the page and page size); " +
                "a timeout applies to each page. " +
                "Cancel with <paramref name=\"cancellationToken\"/> or <c>WithCancellation</c>. <see cref=\"GetPageAsync\"/> reads one page.</para>",
            returns: "The items of every page, in Logto's order.",
            exceptions: argumentError.Replace("nothing was sent", "thrown by this call, before any request", StringComparison.Ordinal),
            apiError: "Logto answered a page's request with an unsuccessful status code, or with a body that could not be read; thrown while enumerating.");
        writer.Open($"public virtual global::System.Collections.Generic.IAsyncEnumerable<{item}> GetAllAsync({string.Join(", ", Parameters(operation))})");
        WriteGuards(writer, operation);
        WritePagerCall(writer, operation, adapter, path, "GetAllAsync", info);
        writer.Close().Line();
    }

    /// <summary><c>return LogtoPager.{method}(adapter, () =&gt; new request, configure, info, cancellationToken);</c></summary>
    private void WritePagerCall(SourceWriter writer, OperationSpec operation, string adapter, string path, string method, string info)
    {
        var call = $"return {names.Paging}.LogtoPager.{method}({adapter}, ";
        var rest = $", configure, {info}, cancellationToken);";
        if (operation.RequiredQuery.Length == 0 && operation.Body is null)
        {
            writer.Line($"{call}() => {NewRequest(operation, path)}{rest}");
            return;
        }

        writer.Line(call + "() =>");
        writer.Open("");
        WriteNewRequest(writer, operation, path);
        WriteBody(writer, operation);
        writer.Line("return request;");
        writer.Close(rest);
    }
}
