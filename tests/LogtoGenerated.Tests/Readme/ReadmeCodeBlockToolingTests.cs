namespace LogtoGenerated.Tests.Readme;

/// <summary>
/// The extraction and compilation behind <see cref="ReadmeCodeBlockTests"/>, on small Markdown texts: blocks are found
/// with their lines, and a block that does not compile, or only warns, fails with README.md's line.
/// </summary>
public sealed class ReadmeCodeBlockToolingTests
{
    [Fact]
    public void Extract_finds_each_fenced_block_with_its_language_and_the_line_of_its_first_code_line()
    {
        const string markdown = "# Title\n\n```csharp\nvar a = 1;\n```\n\ntext\n\n```bash title=x\nls\n```\n~~~json\n{}\n~~~\n";

        IReadOnlyList<MarkdownCodeBlock> blocks = MarkdownCodeBlocks.Extract(markdown);

        Assert.Equal(["csharp", "bash", "json"], blocks.Select(block => block.Language));
        Assert.Equal([4, 10, 13], blocks.Select(block => block.FirstCodeLine));
        Assert.Equal(["var a = 1;", "ls", "{}"], blocks.Select(block => block.Code));
    }

    [Fact]
    public void Extract_removes_the_indentation_of_a_block_inside_a_list_item()
    {
        const string markdown = "- item:\r\n  ```csharp\r\n  if (true)\r\n  {\r\n      Console.WriteLine();\r\n  }\r\n  ```\r\n";

        MarkdownCodeBlock block = Assert.Single(MarkdownCodeBlocks.Extract(markdown));

        Assert.Equal(2, block.Indentation);
        Assert.Equal("if (true)\n{\n    Console.WriteLine();\n}", block.Code);
    }

    [Fact]
    public void Extract_keeps_a_shorter_fence_inside_a_block_as_code()
    {
        const string markdown = "````text\n```csharp\nx\n```\n````\n";

        MarkdownCodeBlock block = Assert.Single(MarkdownCodeBlocks.Extract(markdown));

        Assert.Equal("text", block.Language);
        Assert.Equal("```csharp\nx\n```", block.Code);
    }

    [Fact]
    public void Compile_accepts_a_program_using_the_given_client_and_cancellation_token_and_declaring_a_type_after_its_statements()
    {
        MarkdownCodeBlock block = CSharp("""
            using LogtoGenerated.Models;

            User user = await client.Users["u1"].GetAsync(cancellationToken: cancellationToken);
            Console.WriteLine(Describe.User(user));

            static class Describe
            {
                public static string User(User user) => user.Id;
            }
            """);

        Assert.Empty(CodeBlockCompiler.Compile(block, "README.md"));
    }

    [Fact]
    public void Compile_uses_a_client_the_block_declares_itself_instead_of_the_given_one()
    {
        MarkdownCodeBlock block = CSharp("""
            var client = 42;
            int doubled = client * 2;
            Console.WriteLine(doubled);
            """);

        Assert.Empty(CodeBlockCompiler.Compile(block, "README.md"));
    }

    [Fact]
    public void Compile_accepts_an_ASP_NET_Core_minimal_API()
    {
        MarkdownCodeBlock block = CSharp("""
            using LogtoGenerated;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddLogtoManagementClient(builder.Configuration.GetSection("Logto"));
            var app = builder.Build();
            app.MapGet("/users/{id}", (string id, LogtoManagementClient logto) => logto.Users[id].GetAsync());
            app.Run();
            """);

        Assert.Empty(CodeBlockCompiler.Compile(block, "README.md"));
    }

    [Fact]
    public void Compile_compiles_a_block_of_type_declarations_only_as_a_library()
    {
        MarkdownCodeBlock block = CSharp("""
            using LogtoGenerated;

            public sealed class UserNames(LogtoManagementClient logto)
            {
                public async Task<string?> NameAsync(string id) => (await logto.Users[id].GetAsync()).Name;
            }
            """);

        Assert.Empty(CodeBlockCompiler.Compile(block, "README.md"));
    }

    [Fact]
    public void Compile_gives_a_block_only_the_implicit_usings_of_a_web_project_so_a_missing_using_of_the_library_is_an_error()
    {
        MarkdownCodeBlock block = CSharp("""
            var options = new LogtoManagementOptions { TenantId = "abc123" };
            Console.WriteLine(options.TenantId);
            """);

        IReadOnlyList<string> errors = CodeBlockCompiler.Compile(block, "README.md");

        Assert.Contains(errors, e => e.Contains("CS0246", StringComparison.Ordinal) && e.Contains("LogtoManagementOptions", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_reports_an_error_at_its_line_and_column_in_the_readme()
    {
        // The block's code starts on line 11 of the README and is indented by 2 (inside a list item).
        var block = new MarkdownCodeBlock("csharp", FenceLine: 10, Indentation: 2, "var user = await client.Users[\"u1\"].GetAsync();\nConsole.WriteLine(user.NoSuchProperty);");

        IReadOnlyList<string> problems = CodeBlockCompiler.Compile(block, "README.md");

        string problem = Assert.Single(problems);
        Assert.StartsWith("README.md(12,26): error CS1061: ", problem, StringComparison.Ordinal);
        Assert.Contains("NoSuchProperty", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_reports_a_nullable_warning_as_an_error()
    {
        MarkdownCodeBlock block = CSharp("""
            string? secret = Environment.GetEnvironmentVariable("LOGTO_M2M_APP_SECRET");
            Console.WriteLine(secret.Length);
            """);

        string problem = Assert.Single(CodeBlockCompiler.Compile(block, "README.md"));

        Assert.StartsWith("README.md(2,19): error CS8602: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_reports_an_API_the_library_does_not_have()
    {
        MarkdownCodeBlock block = CSharp("await client.Users[\"u1\"].FrobnicateAsync();");

        string problem = Assert.Single(CodeBlockCompiler.Compile(block, "README.md"));

        Assert.StartsWith("README.md(1,26): error CS1061: ", problem, StringComparison.Ordinal);
    }

    /// <summary>A csharp block whose fence is on line 0, so that its code starts on line 1.</summary>
    private static MarkdownCodeBlock CSharp(string code) => new("csharp", FenceLine: 0, Indentation: 0, code);
}
