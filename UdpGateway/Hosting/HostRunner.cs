namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Runs a host the way both executables do: bad configuration is one message and exit code 2.</summary>
public static class HostRunner
{
    public const int InvalidConfigurationExitCode = 2;

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

        await app.RunAsync();
        return 0;
    }
}
