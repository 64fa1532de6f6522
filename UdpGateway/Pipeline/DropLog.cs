using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Telemetry;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// Logs dropped requests at most once per reason and source every 10 seconds, with how many were
/// suppressed: a flood of bad packets must show in the log without filling the disk. The counters in
/// <see cref="GatewayMetrics"/> count every drop.
/// </summary>
internal sealed partial class DropLog(ILogger logger)
{
    private const int MaxTrackedSources = 4096;
    private static readonly long Interval = Stopwatch.Frequency * 10;
    private readonly ConcurrentDictionary<(DropReason, string), Entry> _entries = new();

    public void Dropped(DropReason reason, string? clientName, SocketAddress source)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        // Unknown clients are keyed by address (bounded below); known ones by name.
        var sourceName = clientName ?? ClientTable.ToEndPoint(source).Address.ToString();
        var now = Stopwatch.GetTimestamp();
        if (_entries.Count >= MaxTrackedSources && !_entries.ContainsKey((reason, sourceName)))
        {
            _entries.Clear();
        }

        var entry = _entries.GetOrAdd((reason, sourceName), static _ => new Entry());
        lock (entry)
        {
            if (entry.LastLogged != 0 && now - entry.LastLogged < Interval)
            {
                entry.Suppressed++;
                return;
            }

            Log.RequestDropped(logger, reason, sourceName, ClientTable.ToEndPoint(source).ToString(), entry.Suppressed);
            entry.LastLogged = now;
            entry.Suppressed = 0;
        }
    }

    private sealed class Entry
    {
        public long LastLogged { get; set; }

        public long Suppressed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Dropped a request ({Reason}) from {Client} at {EndPoint}; {Suppressed} more like it since the last report")]
        public static partial void RequestDropped(ILogger logger, DropReason reason, string client, string endPoint, long suppressed);
    }
}
