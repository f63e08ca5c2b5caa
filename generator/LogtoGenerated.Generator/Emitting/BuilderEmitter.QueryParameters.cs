using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Emitting;

// The class of an operation's optional query parameters, set through configure; the rest of the class is in BuilderEmitter.cs.
internal sealed partial class BuilderEmitter
{
    /// <summary>The query-parameters class of an operation: its properties, the interfaces it implements, and <c>WriteTo</c>.</summary>
    private void EmitQueryClass(SourceWriter writer, OperationSpec operation)
    {
        writer.DocRaw($"<summary>Optional query parameters of <c>{operation.OperationId}</c> (<c>{operation.HttpMethod.ToUpperInvariant()} {Identifiers.XmlEscape(operation.PathTemplate)}</c>).</summary>");
        var interfaces = $"{names.Http}.IQueryParameters"
            + (operation.Paging is null ? "" : $", {names.Paging}.IPagedQueryParameters")
            + (operation.SearchParams is null ? "" : $", {names.Search}.ISearchableQueryParameters");
        writer.Open($"public sealed class {operation.QueryClassName} : {interfaces}");
        foreach (var parameter in operation.OptionalQuery)
        {
            WriteQueryProperty(writer, parameter);
        }

        WritePagedMembers(writer, operation);
        WriteSearchProperty(writer, operation);
        WriteQueryWriteTo(writer, operation);
        writer.Close();
    }

    /// <summary>The property of one optional query parameter, with how it is sent.</summary>
    private void WriteQueryProperty(SourceWriter writer, ParameterSpec parameter)
    {
        var description = parameter.Description ?? $"The {parameter.WireName} query parameter.";
        writer.DocRaw("<summary>");
        foreach (var line in description.Split('\n'))
        {
            writer.Line("/// " + Identifiers.XmlEscape(line.TrimEnd()));
        }

        var wire = Identifiers.XmlEscape(parameter.WireName);
        writer.DocRaw(parameter switch
        {
            { Exploded: true } => $"Each entry is sent as its own query parameter (<c>{wire}</c> is <c>style: form, explode: true</c>).",
            { SentOnlyWhenTrue: true } => $"Sent as <c>{wire}=true</c> when <see langword=\"true\"/>; left out when <see langword=\"false\"/> or <see langword=\"null\"/>, which Logto reads as false.",
            _ => $"Sent as <c>{wire}</c>.",
        });
        writer.DocRaw("</summary>");
        writer.Line($"public {names.Of(parameter.Type with { Nullable = true })} {parameter.Name} {{ get; set; }}").Line();
    }

    /// <summary>The <c>IPagedQueryParameters</c> members of a paged list whose page parameters are named otherwise.</summary>
    private void WritePagedMembers(SourceWriter writer, OperationSpec operation)
    {
        // Properties named otherwise (a name taken by another parameter) implement the interface explicitly.
        if (operation.Paging is { } paging)
        {
            foreach (var (member, parameter) in new[] { ("Page", paging.Page), ("PageSize", paging.PageSize) }.Where(p => p.Item2.Name != p.Item1))
            {
                writer.Line($"int? {names.Paging}.IPagedQueryParameters.{member} {{ get => {parameter.Name}; set => {parameter.Name} = value; }}").Line();
            }
        }
    }

    /// <summary>The typed advanced search property, and <c>ISearchableQueryParameters.Search</c> when it is named otherwise.</summary>
    private void WriteSearchProperty(SourceWriter writer, OperationSpec operation)
    {
        // The typed advanced search, written after search_params.
        if (operation is { SearchParams: not null, SearchPropertyName: { } search })
        {
            writer.DocRaw("<summary>");
            writer.DocRaw($"Logto's advanced search, built with <see cref=\"{names.Search}.LogtoSearch\"/>; written after <see cref=\"{operation.SearchParams.Name}\"/>.");
            writer.DocRaw("For example <c>LogtoSearch.Where(\"name\").Exact(\"Ada\")</c>.");
            writer.DocRaw("</summary>");
            writer.Line($"public {names.Search}.LogtoSearch? {search} {{ get; set; }}").Line();
            if (search != "Search")
            {
                writer.Line($"{names.Search}.LogtoSearch? {names.Search}.ISearchableQueryParameters.Search {{ get => {search}; set => {search} = value; }}").Line();
            }
        }
    }

    /// <summary><c>IQueryParameters.WriteTo</c>: adds every optional query parameter that is set, then the advanced search.</summary>
    private void WriteQueryWriteTo(SourceWriter writer, OperationSpec operation)
    {
        writer.Open($"void {names.Http}.IQueryParameters.WriteTo({names.Http}.QueryStringBuilder query)");
        foreach (var parameter in operation.OptionalQuery)
        {
            writer.Line(QueryWrite("query", parameter with { Type = parameter.Type with { Nullable = true } }));
        }

        if (operation is { SearchParams: not null, SearchPropertyName: { } searchProperty })
        {
            writer.Line($"{searchProperty}?.WriteTo(query);");
        }

        writer.Close();
    }
}
