using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

internal sealed partial class ApiModelBuilder
{
    private void AddRequestBody(OpenApiOperation operation, string pointer, OperationModel model, string noun, string folder)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return;
        }

        var (mediaType, encoding) = content.Keys.Select(k => (k, EncodingOf(k))).OrderBy(e => e.Item2 ?? BodyEncoding.Form + 1).First();
        if (encoding is null)
        {
            throw new GeneratorException(
                pointer + "/requestBody/content",
                $"no supported media type among '{string.Join("', '", content.Keys)}'; supported are application/json, multipart/form-data and application/x-www-form-urlencoded.");
        }

        var bodyPointer = pointer + "/requestBody/content/" + GeneratorException.Escape(mediaType) + "/schema";
        var hint = new NameHint(NameHint.RequestRank, model.OperationId + "Request", null, noun, folder, model.OperationId + "Request", $"{model.HttpMethod.ToUpperInvariant()} {model.PathTemplate} request");
        var multipart = encoding is BodyEncoding.Multipart;
        var use = _schemas.Resolve(content[mediaType].Schema, bodyPointer, hint, multipart, request: true, requestBody: true);
        if (encoding is not BodyEncoding.Json && use.Type is not ModelRef { Type: ObjectType })
        {
            throw new GeneratorException(bodyPointer, $"a {mediaType} body must be an object schema with properties (one per form field).");
        }

        model.Body = new RequestBodyModel(use, encoding.Value, operation.RequestBody.Required) { Description = operation.RequestBody.Description };
    }

    private static BodyEncoding? EncodingOf(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/json" => BodyEncoding.Json,
        "multipart/form-data" => BodyEncoding.Multipart,
        "application/x-www-form-urlencoded" => BodyEncoding.Form,
        var other when other.EndsWith("+json", StringComparison.Ordinal) => BodyEncoding.Json,
        _ => null,
    };

    private ResponseModel BuildResponse(OpenApiOperation operation, string pointer, string operationId, string? verb, string noun, string folder, string method, string path)
    {
        if (operation.Responses is null)
        {
            return ResponseModel.None;
        }

        // The first 2xx response with a body decides the return type; other 2xx codes (e.g. 201 vs 200) share it.
        foreach (var (status, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (status.Length != 3 || status[0] != '2' || response.Content is not { Count: > 0 } content)
            {
                continue;
            }

            var responsePointer = pointer + "/responses/" + status + "/content/";
            if (content.FirstOrDefault(c => EncodingOf(c.Key) is BodyEncoding.Json) is { Key: not null } json)
            {
                // A JSON response whose alternative is XML (SAML metadata) is really text.
                if (content.Keys.Any(k => k.Contains("xml", StringComparison.Ordinal)))
                {
                    return new ResponseModel(ResponseKind.Text, new TypeUse(new PrimitiveRef(PrimitiveKind.String), false), response.Description);
                }

                var name = verb is null ? operationId + "Result" : noun;
                var hint = new NameHint(NameHint.ResponseRank, name, null, null, folder, operationId + "Response", $"{method.ToUpperInvariant()} {path} response");
                var use = _schemas.Resolve(json.Value.Schema, responsePointer + GeneratorException.Escape(json.Key) + "/schema", hint);

                // A body that may be missing: a media type without a schema, or another success status without content.
                var bodyOptional = json.Value.Schema is null
                    || operation.Responses.Any(r => r.Key.Length == 3 && r.Key[0] == '2' && r.Value.Content is not { Count: > 0 });
                return new ResponseModel(ResponseKind.Json, use, response.Description) { BodyOptional = bodyOptional };
            }

            return new ResponseModel(ResponseKind.Text, new TypeUse(new PrimitiveRef(PrimitiveKind.String), false), response.Description);
        }

        return ResponseModel.None;
    }
}
