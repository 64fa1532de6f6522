using System.Diagnostics.Metrics;
using System.Text;

namespace Orleans.Radius.Gateway.Telemetry;

/// <summary>
/// Re-records Orleans' millisecond histograms (storage read/write, activation, deactivation, directory
/// registration) as second-based <c>orleans.&lt;name&gt;.duration</c> histograms in meter
/// <c>Orleans.Radius.Orleans</c>, the base unit Prometheus expects, with snake_case tag names. The originals
/// are dropped by <see cref="PrometheusViews"/>. Only instruments recorded per activation or per storage
/// operation are bridged: per-call and per-message ones would put a callback on every grain call.
/// </summary>
internal sealed class OrleansMetricsBridge : IDisposable
{
    public const string MeterName = "Orleans.Radius.Orleans";
    public const string OrleansMeterPrefix = "Microsoft.Orleans";
    private const string ApplicationRequests = "orleans-app-requests-latency";

    private static readonly double[] Boundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter _meter = new(MeterName);
    private readonly MeterListener _listener = new();

    public OrleansMetricsBridge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (IsBridged(instrument))
            {
                listener.EnableMeasurementEvents(instrument, CreateMirror(instrument));
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Mirror)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((Mirror)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Mirror)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((Mirror)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>True for the Orleans instruments this bridge re-records (and the view therefore drops).</summary>
    public static bool IsBridged(Instrument instrument) =>
        IsOrleans(instrument) && !instrument.IsObservable && IsMilliseconds(instrument) && instrument.Name != ApplicationRequests;

    /// <summary>
    /// Orleans' per-message messaging and networking instruments: recorded on every grain call and tagged in
    /// PascalCase (<c>MessageDirection</c>), so they are not exported; <c>radius_*</c> counts requests instead.
    /// </summary>
    public static bool IsPerMessage(Instrument instrument) =>
        IsOrleans(instrument) && !instrument.IsObservable
        && (instrument.Name.StartsWith("orleans-messaging", StringComparison.Ordinal) || instrument.Name.StartsWith("orleans-networking", StringComparison.Ordinal));

    private static bool IsOrleans(Instrument instrument) => instrument.Meter.Name.StartsWith(OrleansMeterPrefix, StringComparison.Ordinal);

    public static bool IsMilliseconds(Instrument instrument) =>
        instrument.Unit is "ms" && instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);

    private Mirror CreateMirror(Instrument instrument)
    {
        var description = string.IsNullOrEmpty(instrument.Description) ? $"Orleans {instrument.Name}, in seconds" : instrument.Description;
        var histogram = _meter.CreateHistogram<double>(
            DurationName(instrument.Name), "s", description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Boundaries });
        return new Mirror((value, tags) => histogram.Record(value / 1000, tags));
    }

    // "orleans-storage-read-latency" → "orleans.storage.read.duration"
    private static string DurationName(string name)
    {
        var dotted = name.Replace('-', '.');
        foreach (var suffix in new[] { ".latency", ".duration" })
        {
            if (dotted.EndsWith(suffix, StringComparison.Ordinal))
            {
                dotted = dotted[..^suffix.Length];
            }
        }

        return dotted + ".duration";
    }

    /// <summary>"ConnectionDirection" → "connection_direction"; snake_case names pass unchanged.</summary>
    internal static string SnakeCase(string name)
    {
        if (!name.Any(char.IsUpper))
        {
            return name;
        }

        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && name[i - 1] != '_')
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }

    private sealed class Mirror(Action<double, System.Diagnostics.TagList> record)
    {
        // Tag names repeat; convert each once.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var renamed = default(System.Diagnostics.TagList);
            foreach (var tag in tags)
            {
                renamed.Add(_names.GetOrAdd(tag.Key, SnakeCase), tag.Value);
            }

            record(value, renamed);
        }
    }
}
