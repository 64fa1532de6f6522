using System.Diagnostics;

namespace Orleans.Radius.Tests.Support;

/// <summary>Runs a real command-line tool (radclient, radtest, eapol_test, …) and captures its output.</summary>
public static class ToolRunner
{
    /// <summary>Finds <paramref name="name"/> on PATH or fails the test naming the Debian package that provides it.</summary>
    public static string Require(string name, string debianPackage)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/usr/sbin").Split(':').Append("/usr/sbin"))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' is not installed: install the Debian package '{debianPackage}' (scripts/test.sh does).");
    }

    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time: {await stdout}{await stderr}");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}
