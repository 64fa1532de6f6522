using System.Reflection;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Finds the silo and gateway assemblies built beside the tests (same configuration, same target
/// framework), so the tests run the binaries the build just produced and never a stale copy elsewhere.
/// </summary>
internal static class BuiltHosts
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    public static string Configuration =>
        typeof(BuiltHosts).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Release";

    public static string Silo => Find("Silo", "Orleans.Radius.Silo.dll");

    public static string Gateway => Find("UdpGateway", "Orleans.Radius.UdpGateway.dll");

    /// <summary>The <c>dotnet</c> host that runs framework-dependent assemblies.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ToolRunner.Require("dotnet", "dotnet-sdk-10.0");

    private static string Find(string project, string assembly)
    {
        var path = Path.Combine(RepositoryRoot.Value, project, "bin", Configuration, "net10.0", assembly);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{assembly} was not found at {path}: build the solution first (dotnet build Orleans.Radius.sln -c {Configuration}).");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.Radius.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Orleans.Radius.sln above {AppContext.BaseDirectory}: the tests must run from the repository's build output.");
    }
}
