using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace LogtoGenerated.Tests.TestSupport;

/// <summary>What a finished process printed, and its exit code.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>How long the process ran, from its start to its exit (a wait for another build not included).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Both streams, for assertion messages.</summary>
    public string Transcript => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";

    /// <summary>
    /// The lines of a build's output that report a warning with a code: the compiler's and MSBuild's
    /// <c>warning CS0168:</c>, NuGet's <c>warning NU1603:</c>, the trimming and AOT analyses' <c>warning IL2026:</c>.
    /// </summary>
    public IReadOnlyList<string> Warnings =>
        (StandardOutput + "\n" + StandardError).Split('\n').Where(line => WarningLine.IsMatch(line)).Select(line => line.Trim()).ToArray();

    private static readonly Regex WarningLine = new(@"\bwarning [A-Z]+[0-9]+\b", RegexOptions.CultureInvariant);
}

/// <summary>Runs a program to completion with a time limit, capturing its output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// The <c>dotnet</c> host that runs these tests (so child builds use the same SDK), or <c>dotnet</c> from the PATH.
    /// </summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    // Builds of the same projects at once would race on their obj/ and bin/ folders: one at a time.
    private static readonly SemaphoreSlim OneBuildAtATime = new(1, 1);

    /// <summary>
    /// Runs the .NET CLI (<c>dotnet build</c>, <c>publish</c>, <c>pack</c>, ...) with <paramref name="arguments"/>, isolated
    /// from the test host's own MSBuild settings, and never beside another such run of these tests.
    /// </summary>
    public static async Task<ProcessResult> RunDotnetAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        await OneBuildAtATime.WaitAsync();
        try
        {
            return await RunAsync(
                DotnetHost,
                arguments,
                new Dictionary<string, string?>
                {
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["DOTNET_NOLOGO"] = "1",
                    ["MSBuildExtensionsPath"] = null,
                    ["MSBUILD_EXE_PATH"] = null,
                    ["MSBuildSDKsPath"] = null,
                },
                timeout,
                workingDirectory);
        }
        finally
        {
            OneBuildAtATime.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>. Variables in <paramref name="environment"/>
    /// are set, or removed when their value is <see langword="null"/>. The process tree is killed after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (KeyValuePair<string, string?> variable in environment)
        {
            if (variable.Value is null)
            {
                startInfo.Environment.Remove(variable.Key);
            }
            else
            {
                startInfo.Environment[variable.Key] = variable.Value;
            }
        }

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout}.\n{Snapshot(output)}\n{Snapshot(error)}");
        }

        // WaitForExitAsync returns once the streams are drained too.
        return new ProcessResult(process.ExitCode, Snapshot(output), Snapshot(error)) { Elapsed = stopwatch.Elapsed };
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
