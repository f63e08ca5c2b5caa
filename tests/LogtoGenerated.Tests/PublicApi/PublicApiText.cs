using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Mono.Cecil;
using PublicApiGenerator;

namespace LogtoGenerated.Tests.PublicApi;

/// <summary>
/// The public API of one build of a package's assembly as text: what <c>src/&lt;assembly&gt;/PublicApi/&lt;framework&gt;.txt</c>
/// holds. Deterministic: namespaces, types and members sorted by name (PublicApiGenerator's order), LF line endings,
/// one final newline.
/// </summary>
/// <remarks>
/// The text has three parts: a header saying how to update the file; every public and protected type and member, as
/// PublicApiGenerator writes them (C#-like declarations, nullable annotations included); and the list of those marked
/// <c>[EditorBrowsable(EditorBrowsableState.Never)]</c>, which PublicApiGenerator leaves out of its declarations but
/// which decides what IntelliSense shows.
/// </remarks>
internal static class PublicApiText
{
    /// <summary>The line that starts the list of members hidden from IntelliSense.</summary>
    public const string HiddenSectionTitle = "// Public, but hidden from IntelliSense ([EditorBrowsable(EditorBrowsableState.Never)]):";

    private const int EditorBrowsableStateNever = 1;

    /// <summary>The public API of the assembly at <paramref name="assemblyPath"/>, built for <paramref name="targetFramework"/>.</summary>
    /// <remarks>
    /// The assembly is read from its file, not run: PublicApiGenerator reads it with Mono.Cecil from the location of the
    /// <see cref="Assembly"/> it is given, so it is loaded into a load context of its own (which also lets the .NET 10
    /// test host read the net8.0 build) and unloaded afterwards.
    /// </remarks>
    public static string Generate(string assemblyPath, string targetFramework)
    {
        var declarations = Declarations(assemblyPath);
        var hidden = HiddenMembers(assemblyPath);

        var text = new StringBuilder();
        text.Append("// The public API of ").Append(Path.GetFileNameWithoutExtension(assemblyPath)).Append(" for ").Append(targetFramework).Append(". Written by the public API test; do not edit.\n");
        text.Append("// To accept a change: ").Append(PublicApiBaseline.AcceptCommand).Append('\n');
        text.Append('\n');
        foreach (string line in declarations.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(line.TrimEnd()).Append('\n');
        }

        text.Append('\n');
        text.Append(HiddenSectionTitle).Append('\n');
        foreach (string member in hidden)
        {
            text.Append("// ").Append(member).Append('\n');
        }

        return text.ToString();
    }

    private static string Declarations(string assemblyPath)
    {
        var context = new AssemblyLoadContext("LogtoGenerated public API: " + assemblyPath, isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            var options = new ApiGeneratorOptions
            {
                IncludeAssemblyAttributes = false,
                // By default types in System* and Microsoft* namespaces are left out; the library's own
                // AddLogtoManagementClient lives in Microsoft.Extensions.DependencyInjection, as is the convention.
                DenyNamespacePrefixes = [],
                OrderBy = OrderMode.NamespaceThenFullName,
            };
            return assembly.GeneratePublicApi(options).Trim();
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Every visible type and member marked <c>[EditorBrowsable(Never)]</c>, one per line, sorted.</summary>
    private static List<string> HiddenMembers(string assemblyPath)
    {
        using ModuleDefinition module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = false });
        var hidden = new List<string>();
        foreach (TypeDefinition type in module.GetTypes().Where(IsVisible))
        {
            string typeName = Name(type);
            if (IsHidden(type))
            {
                hidden.Add("type " + typeName);
            }

            foreach (MethodDefinition method in type.Methods.Where(m => IsVisible(m) && !m.IsGetter && !m.IsSetter && !m.IsAddOn && !m.IsRemoveOn && IsHidden(m)))
            {
                string name = method.IsConstructor ? type.Name.Split('`')[0] : method.Name;
                hidden.Add($"{(method.IsConstructor ? "constructor" : "method")} {typeName}.{name}({Parameters(method.Parameters)})");
            }

            foreach (PropertyDefinition property in type.Properties.Where(p => (IsVisible(p.GetMethod) || IsVisible(p.SetMethod)) && IsHidden(p)))
            {
                string indexer = property.HasParameters ? $"[{Parameters(property.Parameters)}]" : "";
                hidden.Add($"property {typeName}.{property.Name}{indexer}");
            }

            foreach (FieldDefinition field in type.Fields.Where(f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && IsHidden(f)))
            {
                hidden.Add($"field {typeName}.{field.Name}");
            }

            foreach (EventDefinition @event in type.Events.Where(e => IsVisible(e.AddMethod) && IsHidden(e)))
            {
                hidden.Add($"event {typeName}.{@event.Name}");
            }
        }

        hidden.Sort(StringComparer.Ordinal);
        return hidden;
    }

    private static bool IsVisible(TypeDefinition type) =>
        type.IsPublic || ((type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamilyOrAssembly) && IsVisible(type.DeclaringType));

    private static bool IsVisible(MethodDefinition? method) =>
        method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static bool IsHidden(Mono.Cecil.ICustomAttributeProvider member) =>
        member.CustomAttributes.Any(a =>
            a.AttributeType.FullName == "System.ComponentModel.EditorBrowsableAttribute"
            && a.ConstructorArguments.Count == 1
            && Convert.ToInt32(a.ConstructorArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture) == EditorBrowsableStateNever);

    /// <summary>A type as C# spells it, namespace included: <c>Presence&lt;T&gt;</c>, not <c>Presence`1</c>.</summary>
    private static string Name(TypeReference type) => type switch
    {
        GenericInstanceType generic => $"{WithoutArity(generic.ElementType)}<{string.Join(", ", generic.GenericArguments.Select(Name))}>",
        ArrayType array => Name(array.ElementType) + "[]",
        ByReferenceType reference => Name(reference.ElementType) + "&",
        _ when type.HasGenericParameters => $"{WithoutArity(type)}<{string.Join(", ", type.GenericParameters.Select(p => p.Name))}>",
        _ => WithoutArity(type),
    };

    private static string WithoutArity(TypeReference type) =>
        Regex.Replace(type.FullName.Replace('/', '.'), "`[0-9]+", "", RegexOptions.CultureInvariant);

    private static string Parameters(IEnumerable<ParameterDefinition> parameters) =>
        string.Join(", ", parameters.Select(p => Name(p.ParameterType)));
}
