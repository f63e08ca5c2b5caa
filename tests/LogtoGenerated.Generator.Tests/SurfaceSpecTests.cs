using System.Reflection;
using System.Runtime.CompilerServices;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Naming is a function from the document's facts (with the record of names and the overrides) to the client's surface
/// spec: it leaves the facts as they were, and what it returns cannot be changed afterwards.
/// </summary>
public sealed partial class SurfaceSpecTests
{
    private static GeneratorInputs Committed => GeneratorInputs.FromFolder(Path.GetDirectoryName(RepositoryFiles.LogtoDocument)!) with { RequireAllOverrides = false };

    private static ApiModel ReadFacts(GeneratorInputs naming)
    {
        using var stream = File.OpenRead(RepositoryFiles.LogtoDocument);
        return CodeGenerator.ReadFacts(stream, GeneratorRun.Options, naming, out _);
    }

    [Fact]
    public void NamingTheSameFactsAgainWithOtherInputsGivesWhatFreshFactsGive()
    {
        var facts = ReadFacts(Committed);
        var rulesAlone = Committed with { Record = NamesRecord.Empty };

        var first = CodeGenerator.Generate(SurfaceNamer.Name(facts, Committed, GeneratorRun.Options, []), GeneratorRun.Options);
        var byRules = CodeGenerator.Generate(SurfaceNamer.Name(facts, rulesAlone, GeneratorRun.Options, []), GeneratorRun.Options);
        var again = CodeGenerator.Generate(SurfaceNamer.Name(facts, Committed, GeneratorRun.Options, []), GeneratorRun.Options);
        var byRulesFromFreshFacts = CodeGenerator.Generate(SurfaceNamer.Name(ReadFacts(rulesAlone), rulesAlone, GeneratorRun.Options, []), GeneratorRun.Options);

        // The record keeps names the rules alone would not give (RoleReplacementResult comes from an override, kept by the record).
        Assert.NotEqual(first.Keys, byRules.Keys);
        Assert.Equal(first, again);
        Assert.Equal(byRulesFromFreshFacts, byRules);
    }

    [Fact]
    public void EveryRecordOfTheSpecIsImmutable()
    {
        var specTypes = typeof(ApiSpec).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApiSpec).Namespace && t.IsClass && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.DeclaringType is null && !t.IsAbstract || t == typeof(TypeSpec))
            .Where(t => t.GetMethod("<Clone>$") is not null)
            .ToList();

        Assert.Contains(typeof(ObjectSpec), specTypes);
        Assert.Contains(typeof(BuilderSpec), specTypes);
        Assert.All(specTypes, type =>
        {
            Assert.True(type.IsSealed || type.IsAbstract, $"{type.Name} is a record that can be derived from.");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var setter = property.SetMethod;
                Assert.True(
                    setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)),
                    $"{type.Name}.{property.Name} can be set after the record is made.");
                var propertyType = property.PropertyType;
                Assert.False(
                    propertyType.IsGenericType && !propertyType.Namespace!.StartsWith("System.Collections.Immutable", StringComparison.Ordinal)
                        && propertyType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)),
                    $"{type.Name}.{property.Name} is a collection ({propertyType.Name}) that is not immutable.");
            }
        });
    }

    [Fact]
    public void TheFactsOfTheDocumentHoldNoNameOfTheClient()
    {
        string[] names = ["Name", "ClassName", "Namespace", "MemberName", "IsIndexer", "QueryClassName", "SearchPropertyName", "PresenceName", "NamedByOverride", "MemberNames"];
        Type[] facts = [typeof(ApiModel), typeof(RequestBuilderNode), typeof(OperationModel), typeof(ParameterModel), typeof(RequestBodyModel),
            typeof(ModelType), typeof(ObjectType), typeof(EnumType), typeof(UnionType), typeof(UnionAlternative), typeof(PropertyModel)];

        Assert.All(facts, type => Assert.DoesNotContain(type.GetProperties(), p => names.Contains(p.Name)));
        Assert.All(facts, type => Assert.DoesNotContain(type.GetProperties(), p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericArguments().Contains(typeof(TypeSpec))));
    }

    [Fact]
    public void TheEmitterAndDiffReadOnlyTheSpecNeverTheFacts()
    {
        var generator = Path.Combine(RepositoryFiles.Root, "generator", "LogtoGenerated.Generator");
        var files = new[] { "Emitting", "Comparing", "Spec" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(generator, folder), "*.cs"))
            .ToList();

        Assert.True(files.Count > 10, $"{files.Count} files found under {generator}.");
        // Code lines only: the spec's documentation names the facts it is made from.
        var code = files.SelectMany(file => File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)).Select(line => (file, line)));
        Assert.All(code, entry => Assert.False(
            entry.line.Contains("LogtoGenerated.Generator.Model", StringComparison.Ordinal) || ModelReference().IsMatch(entry.line),
            $"{Path.GetFileName(entry.file)} refers to the facts: {entry.line.Trim()}"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bModel\.[A-Z]")]
    private static partial System.Text.RegularExpressions.Regex ModelReference();
}
