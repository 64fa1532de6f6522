using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Tests.Support;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>The Valkey stream export against a real redis-server: exactly once per record id, whatever crashes.</summary>
public sealed class ValkeyAccountingExporterTests : IAsyncLifetime
{
    private const string StreamKey = "test:accounting";
    private readonly RedisServer _server = new();
    private readonly List<ConnectionMultiplexer> _connections = [];

    private ConnectionMultiplexer? _reader;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        _reader = await ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Exporting_the_same_record_twice_appends_it_once()
    {
        var exporter = await CreateExporterAsync();
        var record = Record("start");

        Assert.True(await exporter.ExportAsync(record));
        Assert.False(await exporter.ExportAsync(record));

        Assert.Equal(1, await CountAsync(record.RecordId));
        var ttl = await Database.KeyTimeToLiveAsync(exporter.MarkerKey(record.RecordId));
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task A_silo_that_died_between_the_export_and_the_state_write_is_retried_without_a_second_entry()
    {
        // The first silo exports and dies before its grain state is written: its connection is gone.
        var record = Record("stop");
        var dying = await CreateExporterAsync();
        Assert.True(await dying.ExportAsync(record));
        await _connections[^1].CloseAsync();

        // The NAS retransmits; another silo reactivates the grain from the old state and exports again.
        var survivor = await CreateExporterAsync();
        Assert.False(await survivor.ExportAsync(record with { EventTime = record.EventTime.AddSeconds(1) }));

        Assert.Equal(1, await CountAsync(record.RecordId));
        Assert.Equal(1, await Database.StreamLengthAsync(StreamKey));
    }

    [Fact]
    public async Task Session_grain_records_retried_through_a_fresh_grain_state_are_exported_once_each()
    {
        // What the grain does after a crash before its state write: the same records derived again
        // from the state as it was, exported again. Interleaved with new records of other sessions.
        var exporter = await CreateExporterAsync();
        var records = Enumerable.Range(0, 20).Select(i => Record(i % 2 == 0 ? "start" : "stop", $"session-{i / 2}")).ToList();
        var firstPass = await Task.WhenAll(records.Select(record => exporter.ExportAsync(record)));
        var retry = await Task.WhenAll(records.Select(record => exporter.ExportAsync(record)));

        Assert.All(firstPass, Assert.True);
        Assert.All(retry, Assert.False);
        var entries = await Database.StreamRangeAsync(StreamKey);
        Assert.Equal(20, entries.Length);
        Assert.All(entries.GroupBy(entry => (string?)entry["record_id"]), group => Assert.Single(group));
    }

    [Fact]
    public async Task The_stream_entry_holds_the_flat_record()
    {
        var exporter = await CreateExporterAsync();
        var record = Record("stop");

        await exporter.ExportAsync(record);

        var entry = Assert.Single(await Database.StreamRangeAsync(StreamKey));
        Assert.Equal(
            record.ToFields().Select(field => (field.Key, field.Value)),
            entry.Values.Select(field => ((string)field.Name!, (string)field.Value!)));
        Assert.Equal("4294967301", entry["input_octets"]);
        Assert.Equal("2025-03-01T12:10:00Z", entry["event_time"]);
    }

    [Fact]
    public async Task The_stream_is_trimmed_near_its_maximum_length()
    {
        var exporter = await CreateExporterAsync(maxLength: 100);

        for (var i = 0; i < 1_000; i++)
        {
            await exporter.ExportAsync(Record("start", $"trim-{i}"));
        }

        // MAXLEN ~ trims whole macro nodes (100 entries by default), so the length stays near the bound.
        Assert.InRange(await Database.StreamLengthAsync(StreamKey), 100, 300);
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_export_with_a_plain_exception()
    {
        var exporter = await CreateExporterAsync();
        await _server.KillAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => exporter.ExportAsync(Record("start")));
        Assert.Contains("Valkey", failure.Message, StringComparison.Ordinal);
    }

    private IDatabase Database => (_reader ?? throw new InvalidOperationException("not initialized")).GetDatabase();

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(_server.ConnectionString);
        configuration.AsyncTimeout = 2_000;
        configuration.SyncTimeout = 2_000;
        configuration.ConnectTimeout = 2_000;
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _connections.Add(connection);
        return connection;
    }

    private async Task<ValkeyAccountingExporter> CreateExporterAsync(long maxLength = 1_000_000)
    {
        var connection = await ConnectAsync();
        var options = Microsoft.Extensions.Options.Options.Create(new AccountingOptions { StreamKey = StreamKey, StreamMaxLength = maxLength });
        return new ValkeyAccountingExporter(connection, options, NullLogger<ValkeyAccountingExporter>.Instance);
    }

    private async Task<int> CountAsync(string recordId) =>
        (await Database.StreamRangeAsync(StreamKey)).Count(entry => entry["record_id"] == recordId);

    private static AccountingExportRecord Record(string eventKey, string sessionId = "session-1") => new(
        AccountingRecordId.Compute("nas-valkey", sessionId, eventKey), "nas-valkey", sessionId,
        eventKey == "start" ? "Start" : "Stop", "alice", new DateTimeOffset(2025, 3, 1, 12, 10, 0, TimeSpan.Zero), 600,
        AccountingRecord.FoldGigawords(5, 1), 2_000, 30, 40, "10.0.0.7", "00-11-22-33-44-55", "AA-BB:corp", 17,
        eventKey == "stop" ? 1U : null, eventKey == "stop" ? "nas" : null);
}
