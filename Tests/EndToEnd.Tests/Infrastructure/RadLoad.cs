using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The project's loopback-only RADIUS load generator, compiled from its source into a temporary directory
/// once per run, so the tests never depend on a binary left behind by someone else.
/// </summary>
internal static partial class RadLoad
{
    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    /// <summary>Runs radload and returns its output; the RESULT line is in standard output.</summary>
    public static async Task<ToolResult> RunAsync(IEnumerable<string> arguments, TimeSpan timeout) =>
        await ToolRunner.RunAsync(await Binary.Value, arguments, timeout: timeout);

    /// <summary>The <c>RESULT …</c> line, or a failure naming everything radload printed.</summary>
    public static string ResultLine(ToolResult result) =>
        result.StandardOutput.Split('\n').FirstOrDefault(line => line.StartsWith("RESULT ", StringComparison.Ordinal))?.Trim()
        ?? throw new InvalidOperationException($"radload printed no RESULT line:\n{result.Output}");

    /// <summary>One counter of the RESULT line, e.g. <c>timeout</c> or <c>ok</c>.</summary>
    public static long Counter(string resultLine, string name)
    {
        var match = Regex.Match(resultLine, $@"(?:^|\s){Regex.Escape(name)}=(\d+)");
        return match.Success
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"no '{name}' in: {resultLine}");
    }

    // The team's tools live in ../shared beside the repository, on developer machines and in CI alike.
    private static string DefaultSource()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.Radius.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "tools", "radload"));
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Orleans.Radius.sln) above the test assembly");
    }

    private static async Task<string> BuildAsync()
    {
        var source = Environment.GetEnvironmentVariable("RADLOAD_SOURCE") is { Length: > 0 } configured ? configured : DefaultSource();
        if (!File.Exists(Path.Combine(source, "radload.c")))
        {
            throw new InvalidOperationException($"radload's source is not at {source} (set RADLOAD_SOURCE to its directory).");
        }

        var directory = Directory.CreateTempSubdirectory("radload-").FullName;
        foreach (var file in Directory.GetFiles(source).Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal) || Path.GetFileName(f) == "Makefile"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        var make = await ToolRunner.RunAsync(ToolRunner.Require("make", "make"), ["-C", directory, "radload"], timeout: TimeSpan.FromSeconds(60));
        var binary = Path.Combine(directory, "radload");
        return make.ExitCode == 0 && File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"building radload failed (needs gcc and make):\n{make.Output}");
    }
}
