namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// Runs a host the way both executables do: bad configuration is one message and exit code 2; a host that
/// cannot start or run (a port in use, Valkey unreachable for the membership table) one line and exit code 1,
/// instead of an unhandled exception that aborts the process.
/// </summary>
public static class HostRunner
{
    public const int InvalidConfigurationExitCode = 2;
    public const int FailedExitCode = 1;

    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build)
    {
        WebApplication app;
        try
        {
            app = build(args);
        }
        catch (InvalidConfigurationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return InvalidConfigurationExitCode;
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The host has already logged the failure with its stack; this is the line an operator greps for.
            await Console.Error.WriteLineAsync($"Orleans.Radius stopped: {exception.GetBaseException().Message}");
            return FailedExitCode;
        }
    }
}
