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

        var before = Describe(facts);
        var first = CodeGenerator.Generate(SurfaceNamer.Name(facts, Committed, GeneratorRun.Options, []), GeneratorRun.Options);
        var byRules = CodeGenerator.Generate(SurfaceNamer.Name(facts, rulesAlone, GeneratorRun.Options, []), GeneratorRun.Options);
        var again = CodeGenerator.Generate(SurfaceNamer.Name(facts, Committed, GeneratorRun.Options, []), GeneratorRun.Options);
        var byRulesFromFreshFacts = CodeGenerator.Generate(SurfaceNamer.Name(ReadFacts(rulesAlone), rulesAlone, GeneratorRun.Options, []), GeneratorRun.Options);

        // The record keeps names the rules alone would not give (RoleReplacementResult comes from an override, kept by the record).
        Assert.NotEqual(first.Keys, byRules.Keys);
        Assert.Equal(first, again);
        Assert.Equal(byRulesFromFreshFacts, byRules);
        Assert.Equal(before, Describe(facts));
    }

    /// <summary>Every fact of the document, as text: shapes with their uses and members, builders with their parameters and operations.</summary>
    private static string Describe(ApiModel facts)
    {
        static string Ref(TypeUse? use) => use?.Type switch
        {
            null => "none",
            ModelRef m => $"model({m.Type.Key}){(use.Nullable ? "?" : "")}",
            ListRef l => $"list({Ref(l.Item)}){(use.Nullable ? "?" : "")}",
            MapRef m => $"map({Ref(m.Value)}){(use.Nullable ? "?" : "")}",
            _ => use.ToString(),
        };
        static string Parameter(ParameterModel p) => $"{p.WireName}:{Ref(p.Type)}:{p.Description}:{p.Exploded}:{p.SentOnlyWhenTrue}";

        var text = new System.Text.StringBuilder();
        foreach (var type in facts.Types)
        {
            text.AppendLine($"{type.GetType().Name} {type.Key} {type.FirstSeen} {type.Pointer} {type.Description}");
            text.AppendLine("  uses " + string.Join(" ; ", type.Uses.Select(u => (u with { Parent = null }) + " parent " + u.Parent?.Key)));
            var members = type switch
            {
                ObjectType o => o.Properties.Select(p => $"{p.WireName}:{Ref(p.Type)}:{p.Required}:{p.Description}:{p.Deprecated}:{p.Literal}:{p.TracksPresence}").Append($"tracks {o.TracksPresence}"),
                EnumType e => e.Values,
                UnionType u => u.Alternatives.Select(a => $"{Ref(a.Type)}:{a.DiscriminatorValue}:{a.Member}").Append($"discriminator {u.Discriminator}"),
                _ => [],
            };
            text.AppendLine("  " + string.Join(" ; ", members));
        }

        foreach (var node in facts.Root.DescendantsAndSelf())
        {
            text.AppendLine($"{node.Segment} {node.PathTemplate} [{string.Join(", ", node.SegmentParameters.Select(Parameter))}] [{string.Join(", ", node.ParameterUses.Select(u => Parameter(u.Parameter) + "@" + u.Operation.OperationId))}]");
            foreach (var operation in node.Operations)
            {
                text.AppendLine($"  {operation.HttpMethod} {operation.OperationId} {operation.PathTemplate} {operation.Summary} {operation.Description} {operation.Deprecated}"
                    + $" required [{string.Join(", ", operation.RequiredQuery.Select(Parameter))}] optional [{string.Join(", ", operation.OptionalQuery.Select(Parameter))}]"
                    + $" body {Ref(operation.Body?.Type)}:{operation.Body?.Encoding}:{operation.Body?.Required}:{operation.Body?.Description}"
                    + $" response {operation.Response.Kind}:{Ref(operation.Response.Type)}:{operation.Response.Description}:{operation.Response.BodyOptional}"
                    + $" paging {operation.Paging?.Page.WireName}:{operation.Paging?.PageSize.WireName}:{Ref(operation.Paging?.Item)} search {operation.SearchParams?.WireName}");
            }
        }

        return text.ToString();
    }

    [Fact]
    public void EveryRecordOfTheSpecIsImmutable()
    {
        var specTypes = typeof(ApiSpec).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApiSpec).Namespace && t.IsClass && !(t.IsAbstract && t.IsSealed) && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.DeclaringType is null)
            .ToList();

        Assert.Contains(typeof(ObjectSpec), specTypes);
        Assert.Contains(typeof(BuilderSpec), specTypes);
        Assert.All(specTypes, type =>
        {
            Assert.True(type.GetMethod("<Clone>$") is not null, $"{type.Name} is a class of the spec that is not a record.");
            Assert.True(type.IsSealed || type.IsAbstract, $"{type.Name} is a record that can be derived from.");
            Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var setter = property.SetMethod;
                Assert.True(
                    setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)),
                    $"{type.Name}.{property.Name} can be set after the record is made.");
                // What a record holds (its init-only properties); a computed view over them holds nothing of its own.
                var propertyType = property.PropertyType;
                var mutableCollection = setter is not null
                    && (propertyType.IsArray
                        || (propertyType != typeof(string) && !propertyType.Namespace!.StartsWith("System.Collections.Immutable", StringComparison.Ordinal)
                            && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType)));
                Assert.False(mutableCollection, $"{type.Name}.{property.Name} is a collection ({propertyType.Name}) that is not immutable.");
            }
        });
    }

    [Fact]
    public void TheFactsOfTheDocumentHoldNoNameOfTheClient()
    {
        string[] names = ["Name", "ClassName", "Namespace", "Folder", "MemberName", "IsIndexer", "QueryClassName", "SearchPropertyName", "PresenceName", "NamedByOverride", "MemberNames", "Candidates", "Origin"];
        // SchemaUse is left out: the name a use suggests, and its resource folder, are facts of the document.
        Type[] facts = [typeof(ApiModel), typeof(RequestBuilderNode), typeof(OperationModel), typeof(ParameterModel), typeof(RequestBodyModel), typeof(ResponseModel),
            typeof(PagingModel), typeof(ModelType), typeof(ObjectType), typeof(EnumType), typeof(UnionType), typeof(UnionAlternative), typeof(PropertyModel)];

        Assert.All(facts, type => Assert.DoesNotContain(type.GetProperties(), p => names.Contains(p.Name)));
        Assert.All(facts, type => Assert.DoesNotContain(type.GetProperties(), p => MentionsSpecRecord(p.PropertyType)));
    }

    /// <summary>True when a type is, holds or is a collection of a record of the spec (its enums, the vocabulary facts share, aside).</summary>
    private static bool MentionsSpecRecord(Type type) =>
        (type.Namespace == typeof(ApiSpec).Namespace && !type.IsEnum)
        || (type.HasElementType && MentionsSpecRecord(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(MentionsSpecRecord));

    [Fact]
    public void TheEmitterAndDiffReadOnlyTheSpecNeverTheFacts()
    {
        var generator = Path.Combine(RepositoryFiles.Root, "generator", "LogtoGenerated.Generator");
        var files = new[] { "Emitting", "Comparing", "Spec" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(generator, folder), "*.cs"))
            .ToList();

        Assert.True(files.Count > 10, $"{files.Count} files found under {generator}.");
        // No global using or project-wide <Using> can bring the facts in unseen.
        Assert.DoesNotContain("<Using", File.ReadAllText(Path.Combine(generator, "LogtoGenerated.Generator.csproj")), StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(generator, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
            file => Assert.DoesNotContain("global using", File.ReadAllText(file), StringComparison.Ordinal));
        // Code lines only: the spec's documentation names the facts it is made from.
        var code = files.SelectMany(file => File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)).Select(line => (file, line)));
        Assert.All(code, entry => Assert.False(
            entry.line.Contains("LogtoGenerated.Generator.Model", StringComparison.Ordinal) || ModelReference().IsMatch(entry.line),
            $"{Path.GetFileName(entry.file)} refers to the facts: {entry.line.Trim()}"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bModel\.[A-Z]")]
    private static partial System.Text.RegularExpressions.Regex ModelReference();
}
