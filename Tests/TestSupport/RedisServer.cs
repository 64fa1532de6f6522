using System.Globalization;

namespace Orleans.Radius.Tests.Support;

/// <summary>
/// A real redis-server (Debian's stand-in for Valkey) on a free loopback port with append-only
/// persistence in a temporary directory, so it can be stopped and restarted with its data.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("radius-redis-").FullName;
    private ManagedProcess? _process;

    public RedisServer()
    {
        Port = FreePorts.Next();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public ManagedProcess Process => _process ?? throw new InvalidOperationException("redis-server is not running");

    /// <summary>Starts the server; with <paramref name="replicaOf"/>, as a replica of that server.</summary>
    public async Task StartAsync(RedisServer? replicaOf = null)
    {
        var server = ToolRunner.Require("redis-server", "redis-server");
        List<string> arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
            "--appendfsync", "everysec", "--dir", _directory, "--protected-mode", "yes",
        ];
        if (replicaOf is not null)
        {
            arguments.AddRange(["--replicaof", "127.0.0.1", replicaOf.Port.ToString(CultureInfo.InvariantCulture)]);
        }

        _process = ManagedProcess.Start("redis-server", server, arguments);
        await _process.WaitForOutputAsync("Ready to accept connections", TimeSpan.FromSeconds(20));
    }

    /// <summary>kill -9 the server (its append-only file keeps what it had flushed).</summary>
    public Task KillAsync() => Process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying process; the temp directory is cleaned by the OS eventually.
        }
    }
}
