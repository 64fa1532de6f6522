using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// Appends accounting records to a Valkey stream, exactly once per record id: one Lua script sets the
/// record's exported-marker key (SET NX EX) and appends (XADD MAXLEN ~) only when the marker was new.
/// Valkey runs a script atomically, so no crash can leave an entry without its marker or the reverse.
/// </summary>
public sealed partial class ValkeyAccountingExporter : IAccountingExporter, IDisposable
{
    private const string ExportScript = """
        if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
          return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
        end
        return false
        """;

    private readonly IConnectionMultiplexer _connection;
    private readonly bool _ownsConnection;
    private readonly RedisKey _streamKey;
    private readonly string _markerPrefix;
    private readonly RedisValue _markerTtlSeconds;
    private readonly RedisValue _maxLength;
    private readonly ILogger<ValkeyAccountingExporter> _logger;

    public ValkeyAccountingExporter(IConnectionMultiplexer connection, IOptions<AccountingOptions> options, ILogger<ValkeyAccountingExporter> logger)
        : this(connection, ownsConnection: false, options, logger)
    {
    }

    internal ValkeyAccountingExporter(IConnectionMultiplexer connection, bool ownsConnection, IOptions<AccountingOptions> options, ILogger<ValkeyAccountingExporter> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _connection = connection;
        _ownsConnection = ownsConnection;
        _streamKey = value.StreamKey;
        _markerPrefix = value.StreamKey + ":exported:";
        _markerTtlSeconds = ((long)Math.Ceiling(value.ExportedKeyTtl.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        _maxLength = value.StreamMaxLength.ToString(CultureInfo.InvariantCulture);
        _logger = logger;
    }

    /// <summary>The key of the marker that says <paramref name="recordId"/> was exported.</summary>
    public string MarkerKey(string recordId) => _markerPrefix + recordId;

    public async Task<bool> ExportAsync(AccountingExportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = record.ToFields();
        var arguments = new RedisValue[2 + (2 * fields.Count)];
        arguments[0] = _markerTtlSeconds;
        arguments[1] = _maxLength;
        for (var i = 0; i < fields.Count; i++)
        {
            arguments[2 + (2 * i)] = fields[i].Key;
            arguments[3 + (2 * i)] = fields[i].Value;
        }

        RedisResult result;
        try
        {
            result = await _connection.GetDatabase().ScriptEvaluateAsync(ExportScript, [_streamKey, MarkerKey(record.RecordId)], arguments);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // A plain exception crosses the grain boundary; a client without StackExchange.Redis could not
            // deserialize the original and would wait out its response timeout instead of retrying.
            Log.ExportFailed(_logger, exception, record.RecordId);
            throw new InvalidOperationException($"accounting export to Valkey failed: {exception.Message}");
        }

        return !result.IsNull;
    }

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Accounting record {RecordId} could not be exported to Valkey")]
        public static partial void ExportFailed(ILogger logger, Exception exception, string recordId);
    }
}
