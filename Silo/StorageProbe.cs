using System.Diagnostics;
using Orleans.Radius.Gateway.Hosting;
using StackExchange.Redis;

namespace Orleans.Radius.Silo;

/// <summary>Answers whether the grain storage answers: a PING to Valkey, or true on the embedded default.</summary>
internal sealed class StorageProbe(IConfiguration configuration) : IAsyncDisposable
{
    private readonly string? _connectionString = configuration[$"{ValkeyOptions.Section}:ConnectionString"];
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public bool IsDurable => !string.IsNullOrWhiteSpace(_connectionString);

    /// <summary>Round-trip time of a PING, or null when Valkey did not answer.</summary>
    public async Task<TimeSpan?> PingAsync(CancellationToken cancellationToken)
    {
        if (!IsDurable)
        {
            return TimeSpan.Zero;
        }

        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return Stopwatch.GetElapsedTime(started);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            return null;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(_connectionString!);
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 2000;
                // A PING while disconnected must fail now, not wait in the backlog for a reconnect: the
                // answer decides fail-closed for the cluster.
                options.BacklogPolicy = BacklogPolicy.FailFast;
                options.AsyncTimeout = 2000;
                // Reconnect every half second, so the monitor sees Valkey back within about a second.
                options.ReconnectRetryPolicy = new LinearRetry(500);
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }

            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connectLock.Dispose();
    }
}
