using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Configuration sources both hosts share.</summary>
public static class RadiusConfiguration
{
    /// <summary>
    /// Adds the JSON file named by <c>--config FILE</c> (or <c>--config=FILE</c>) above appsettings and below
    /// environment variables and the command line, so one file describes a node and flags still override it.
    /// </summary>
    public static void AddConfigFile(IConfigurationManager configuration, string[] args)
    {
        var path = FindConfigPath(args);
        if (path is null)
        {
            return;
        }

        if (!File.Exists(path))
        {
            throw new InvalidConfigurationException([$"--config: file '{path}' does not exist"]);
        }

        var sources = configuration.Sources;
        var index = 0;
        while (index < sources.Count && sources[index] is not EnvironmentVariablesConfigurationSource)
        {
            index++;
        }

        var builder = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
        sources.Insert(index, builder.Sources[0]);
    }

    private static string? FindConfigPath(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--config" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return args[i]["--config=".Length..];
            }
        }

        return null;
    }
}
