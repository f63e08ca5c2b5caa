using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>Renders the surface spec as C# files: models by resource, request builders by path, and the JSON metadata.</summary>
internal sealed class CSharpEmitter(GeneratorOptions options)
{
    public SortedDictionary<string, string> Emit(ApiSpec spec)
    {
        var names = new TypeNames(options);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var models = new ModelEmitter(options, names);
        foreach (var type in spec.Types)
        {
            files.Add($"Models/{type.Folder}/{type.Name}.cs", models.Emit(type));
        }

        var builders = new BuilderEmitter(names);
        foreach (var node in spec.Builders())
        {
            var path = node.IsRoot ? $"{node.ClassName}.cs" : $"RequestBuilders/{node.Folder}/{node.ClassName}.cs";
            files.Add(path, builders.Emit(node));
        }

        foreach (var (path, source) in new ContextEmitter(options, names).Emit(spec))
        {
            files.Add(path, source);
        }

        return files;
    }
}
