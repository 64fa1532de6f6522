using System.Diagnostics.Metrics;

namespace Orleans.Radius.Gateway.Telemetry;

/// <summary>
/// Re-records Orleans' millisecond histograms (storage read/write, activation, deactivation, directory
/// registration) as second-based histograms in meter <c>Orleans.Radius.Orleans</c>, named
/// <c>orleans.&lt;name&gt;.duration</c>, the base unit Prometheus expects. The per-call application request
/// latency is left out: it would add a callback to every grain call, and <c>radius.request.duration</c>
/// already times requests end to end.
/// </summary>
internal sealed class OrleansDurationBridge : IDisposable
{
    public const string MeterName = "Orleans.Radius.Orleans";
    public const string OrleansMeterPrefix = "Microsoft.Orleans";
    private const string ApplicationRequests = "orleans-app-requests-latency";

    private static readonly double[] Boundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter _meter = new(MeterName);
    private readonly MeterListener _listener = new();
    private readonly Dictionary<Instrument, Histogram<double>> _mirrors = [];

    public OrleansDurationBridge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith(OrleansMeterPrefix, StringComparison.Ordinal) && IsMilliseconds(instrument)
                && instrument.Name != ApplicationRequests)
            {
                lock (_mirrors)
                {
                    _mirrors[instrument] = _meter.CreateHistogram<double>(
                        MirrorName(instrument.Name), "s", instrument.Description ?? $"Orleans {instrument.Name}, in seconds",
                        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Boundaries });
                }

                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => ((OrleansDurationBridge)state!).Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<float>((instrument, value, tags, state) => ((OrleansDurationBridge)state!).Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => ((OrleansDurationBridge)state!).Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => ((OrleansDurationBridge)state!).Record(instrument, value, tags));
        _listener.Start();
    }

    public static bool IsMilliseconds(Instrument instrument) =>
        instrument.Unit is "ms" && instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);

    // "orleans-storage-read-latency" → "orleans.storage.read.duration"
    private static string MirrorName(string name)
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

    private void Record(Instrument instrument, double milliseconds, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Histogram<double>? mirror;
        lock (_mirrors)
        {
            _mirrors.TryGetValue(instrument, out mirror);
        }

        mirror?.Record(milliseconds / 1000, tags);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }
}
