using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Orleans.Radius.Tests.Support;

/// <summary>
/// A child process a test started: its output kept in memory (bounded) for failure messages, stopped
/// for real with SIGKILL or SIGTERM, and always killed when disposed.
/// </summary>
public sealed partial class ManagedProcess : IAsyncDisposable
{
    private const int MaxKeptOutput = 256 * 1024;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ManagedProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ManagedProcess Start(string name, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(name, process);
        process.OutputDataReceived += (_, e) => managed.Append(e.Data);
        process.ErrorDataReceived += (_, e) => managed.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {name} ({fileName})");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>What the process printed so far (the last 256 KiB).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output if the process exits first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before printing '{text}':\n{Output}");
            }

            try
            {
                await Task.Delay(50, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name} did not print '{text}' within {timeout}:\n{Output}");
            }
        }
    }

    /// <summary>kill -9: the process gets no chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the process to finish its graceful shutdown.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, 15);
        }

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} did not stop within {timeout} of SIGTERM:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > MaxKeptOutput)
            {
                _output.Remove(0, _output.Length - (MaxKeptOutput / 2));
            }

            _output.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
