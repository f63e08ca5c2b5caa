namespace LogtoGenerated.Tests.PublicApi;

/// <summary>
/// The public API of each package's assembly (<c>LogtoGenerated</c>, <c>LogtoGenerated.Authentication</c>, <c>LogtoGenerated.Kiota</c>, <c>LogtoGenerated.AspNetCore</c>), for each target framework,
/// is the one committed in <c>src/&lt;assembly&gt;/PublicApi/</c>: a change to it (in the runtime or in the generated code)
/// fails here until the files are rewritten with <see cref="PublicApiBaseline.AcceptCommand"/> and committed, so every
/// change to the API shows up in review.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string, string> AssembliesAndTargetFrameworks()
    {
        var data = new TheoryData<string, string>();
        foreach (string assembly in PublicApiBaseline.Assemblies)
        {
            foreach (string targetFramework in PublicApiBaseline.TargetFrameworks)
            {
                data.Add(assembly, targetFramework);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AssembliesAndTargetFrameworks))]
    public void Public_API_is_the_committed_one(string assembly, string targetFramework)
    {
        string current = PublicApiText.Generate(PublicApiBaseline.AssemblyPath(targetFramework, assembly), targetFramework);

        if (PublicApiBaseline.Accepting)
        {
            PublicApiBaseline.Write(targetFramework, current, assembly);
            Assert.Equal(current, PublicApiBaseline.ReadCommitted(targetFramework, assembly));
            return;
        }

        string? committed = PublicApiBaseline.ReadCommitted(targetFramework, assembly);
        Assert.True(committed == current, PublicApiBaseline.DescribeDifference(targetFramework, committed, current, assembly));
    }

    [Fact]
    public void Each_target_framework_is_read_from_its_own_build()
    {
        foreach (string assembly in PublicApiBaseline.Assemblies)
        {
            foreach (string targetFramework in PublicApiBaseline.TargetFrameworks)
            {
                string path = PublicApiBaseline.AssemblyPath(targetFramework, assembly);
                Assert.True(File.Exists(path), $"{path} is missing: the test project's build copies it there.");
                Assert.Contains(
                    $"// The public API of {assembly} for {targetFramework}.",
                    PublicApiText.Generate(path, targetFramework),
                    StringComparison.Ordinal);
            }

            using var net10 = Mono.Cecil.ModuleDefinition.ReadModule(PublicApiBaseline.AssemblyPath("net10.0", assembly));
            using var net8 = Mono.Cecil.ModuleDefinition.ReadModule(PublicApiBaseline.AssemblyPath("net8.0", assembly));
            Assert.Equal(".NETCoreApp,Version=v10.0", TargetFrameworkOf(net10));
            Assert.Equal(".NETCoreApp,Version=v8.0", TargetFrameworkOf(net8));
        }
    }

    [Fact]
    public void Text_is_deterministic_with_LF_line_endings_and_sorted_namespaces_and_hidden_members()
    {
        string path = PublicApiBaseline.AssemblyPath("net10.0");

        string first = PublicApiText.Generate(path, "net10.0");
        string second = PublicApiText.Generate(path, "net10.0");

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
        Assert.False(first.EndsWith("\n\n", StringComparison.Ordinal), "the text ends with exactly one newline");
        string[] lines = first.Split('\n');
        string[] namespaces = lines.Where(l => l.StartsWith("namespace ", StringComparison.Ordinal)).ToArray();
        Assert.Contains("namespace LogtoGenerated.Models", namespaces);
        Assert.Equal(namespaces.Order(StringComparer.Ordinal), namespaces);
        string[] hidden = lines.SkipWhile(l => l != PublicApiText.HiddenSectionTitle).Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.NotEmpty(hidden);
        Assert.Equal(hidden.Order(StringComparer.Ordinal), hidden);
    }

    [Fact]
    public void Text_includes_the_dependency_injection_extensions_in_the_Microsoft_namespace()
    {
        string text = PublicApiText.Generate(PublicApiBaseline.AssemblyPath("net10.0"), "net10.0");

        Assert.Contains("namespace Microsoft.Extensions.DependencyInjection", text, StringComparison.Ordinal);
        Assert.Contains("public static class LogtoServiceCollectionExtensions", text, StringComparison.Ordinal);
        Assert.Contains("AddLogtoManagementClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kiota_package_text_has_the_provider_the_handler_the_options_and_the_registration_and_nothing_internal()
    {
        string text = PublicApiText.Generate(PublicApiBaseline.AssemblyPath("net10.0", "LogtoGenerated.Kiota"), "net10.0");

        Assert.Contains("public class LogtoKiotaAuthenticationProvider : Microsoft.Kiota.Abstractions.Authentication.IAuthenticationProvider", text, StringComparison.Ordinal);
        Assert.Contains("public sealed class LogtoTokenRefreshHandler : System.Net.Http.DelegatingHandler", text, StringComparison.Ordinal);
        Assert.Contains("public class LogtoKiotaClientOptions : LogtoGenerated.Authentication.LogtoClientCredentialsOptions", text, StringComparison.Ordinal);
        Assert.Contains("public static class LogtoKiotaServiceCollectionExtensions", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LogtoTokenOption", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LogtoKiotaHttpClientNames", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_lists_what_is_hidden_from_IntelliSense_and_leaves_out_what_is_internal()
    {
        string text = PublicApiText.Generate(PublicApiBaseline.AssemblyPath("net10.0"), "net10.0");
        string[] hidden = text.Split('\n').SkipWhile(l => l != PublicApiText.HiddenSectionTitle).Skip(1).ToArray();

        Assert.Contains("// type LogtoGenerated.Serialization.StringEnumConverter<T>", hidden);
        Assert.Contains("// type LogtoGenerated.Serialization.Presence<T>", hidden);
        Assert.Contains("public sealed class StringEnumConverter<T>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PathSegment", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PresenceConverter", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LogtoRequestAdapter requestAdapter, string path)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_message_quotes_the_removed_and_added_lines_and_says_how_to_accept()
    {
        const string committed = "namespace LogtoGenerated.Models\n{\n    public sealed class OldName { }\n}\n";
        const string current = "namespace LogtoGenerated.Models\n{\n    public sealed class NewName { }\n}\n";

        string message = PublicApiBaseline.DescribeDifference("net8.0", committed, current);

        Assert.Contains("src/LogtoGenerated/PublicApi/net8.0.txt", message, StringComparison.Ordinal);
        Assert.Contains("- public sealed class OldName { }", message, StringComparison.Ordinal);
        Assert.Contains("+ public sealed class NewName { }", message, StringComparison.Ordinal);
        Assert.Contains("LOGTO_ACCEPT_PUBLIC_API=1 dotnet test tests/LogtoGenerated.Tests --filter PublicApi", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_message_for_a_missing_file_says_how_to_create_it()
    {
        string message = PublicApiBaseline.DescribeDifference("net10.0", committed: null, "namespace LogtoGenerated\n");

        Assert.Contains("no committed public API for net10.0", message, StringComparison.Ordinal);
        Assert.Contains(PublicApiBaseline.AcceptCommand, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_gives_the_accept_command()
    {
        string readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        Assert.Contains(PublicApiBaseline.AcceptCommand, readme, StringComparison.Ordinal);
    }

    private static string? TargetFrameworkOf(Mono.Cecil.ModuleDefinition module) =>
        module.Assembly.CustomAttributes
            .Single(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute")
            .ConstructorArguments[0].Value as string;
}
