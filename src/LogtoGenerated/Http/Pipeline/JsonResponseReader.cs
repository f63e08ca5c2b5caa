using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Http.Pipeline;

/// <summary>Reads a JSON body as <typeparamref name="T"/> while it streams in; an empty body or JSON <c>null</c> (for a reference type) is unreadable.</summary>
/// <typeparam name="T">The response type.</typeparam>
internal sealed class JsonResponseReader<T> : ResponseReader<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;

    public JsonResponseReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

    public override string? DefaultAccept => JsonBody.MediaType;

    public override ValueTask<T> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(JsonBody.ReadAsync(request, response, _typeInfo, cancellationToken));
}

/// <summary>Reads a JSON body that may be absent: no body (or only whitespace) and JSON <c>null</c> read as <see langword="null"/>.</summary>
/// <typeparam name="T">The response type.</typeparam>
internal sealed class OptionalJsonResponseReader<T> : ResponseReader<T?>
    where T : class
{
    private readonly JsonTypeInfo<T> _typeInfo;

    public OptionalJsonResponseReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

    public override string? DefaultAccept => JsonBody.MediaType;

    public override async ValueTask<T?> ReadAsync(RequestInformation request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, _typeInfo);
        }
        catch (JsonException e)
        {
            throw JsonBody.Unreadable(request, response, _typeInfo.Type, e);
        }
    }
}

/// <summary>Deserializing successful JSON responses, and the errors when a body is not the documented type.</summary>
internal static class JsonBody
{
    public const string MediaType = "application/json";

    /// <summary>Deserializes a successful JSON response while it streams in.</summary>
    public static async Task<T> ReadAsync<T>(
        RequestInformation request, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            throw LogtoApiExceptionFactory.ForUnreadableBody(request, response, "the body is empty where " + Describe(typeInfo.Type) + " was expected", null);
        }

        T? result;
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                result = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw Unreadable(request, response, typeInfo.Type, e);
            }
        }

        // Nullable<T> may legitimately be null; a reference type may not (the return type promises a value).
        if (result is null && !typeof(T).IsValueType)
        {
            throw LogtoApiExceptionFactory.ForUnreadableBody(request, response, "the body is JSON null where " + Describe(typeInfo.Type) + " was expected", null);
        }

        return result!;
    }

    public static LogtoApiException Unreadable(RequestInformation request, HttpResponseMessage response, Type type, JsonException e) =>
        LogtoApiExceptionFactory.ForUnreadableBody(request, response, "the body could not be read as " + Describe(type) + ": " + e.Message, e);

    /// <summary>A type's C# name, generic arguments included: <c>IReadOnlyList&lt;User&gt;</c>.</summary>
    private static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ">";
    }
}
