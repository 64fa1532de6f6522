using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Radius.Gateway.Telemetry;

/// <summary>Why a request got no reply. Each is a value of the <c>outcome</c> tag on <c>radius.requests</c>.</summary>
public enum DropReason : byte
{
    Malformed,
    UnknownClient,
    BadAuthenticator,
    MissingMessageAuthenticator,
    RateLimited,
    DuplicateInProgress,
    Deadline,
    ClusterError,
    UnexpectedCode,
    Overloaded,
    NotServed,
    ReplyTooLarge,
    SendFailed,
    StorageUnavailable,
}

/// <summary>The gateway's meters: every request counted once, by code and outcome, with its latency.</summary>
public static class GatewayMetrics
{
    public const string MeterName = "Orleans.Radius.Gateway";

    /// <summary>Outcomes of a request that got a reply; drops are <c>dropped_&lt;reason&gt;</c> (see <see cref="DropReason"/>).</summary>
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Challenge = "challenge";
    public const string Response = "response";

    /// <summary>A retransmission answered with the reply already decided for it (RFC 5080 §2.2.2).</summary>
    public const string DuplicateReplayed = "duplicate_replayed";

    private static readonly Meter Meter = new(MeterName, typeof(GatewayMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "radius.requests", "{request}", "RADIUS requests by code and outcome (accept, reject, challenge, response, duplicate_replayed, dropped_<reason>)");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "radius.request.duration", "s", "Time from receiving a request to sending its reply",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>(
        "radius.requests.in_flight", "{request}", "Requests received and not yet answered or dropped");

    private static readonly Counter<long> BytesIn = Meter.CreateCounter<long>("radius.received", "By", "RADIUS bytes received");
    private static readonly Counter<long> BytesOut = Meter.CreateCounter<long>("radius.sent", "By", "RADIUS bytes sent");

    private static readonly string[] DropOutcomes = Enum.GetValues<DropReason>().Select(OutcomeName).ToArray();

    public static void Received(int bytes)
    {
        InFlight.Add(1);
        BytesIn.Add(bytes);
    }

    public static void Answered(string code, string outcome, int bytes, long startedTimestamp)
    {
        InFlight.Add(-1);
        BytesOut.Add(bytes);
        var tags = new TagList { { "code", code }, { "outcome", outcome } };
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new TagList { { "code", code } });
    }

    public static void Dropped(string code, DropReason reason)
    {
        InFlight.Add(-1);
        Requests.Add(1, new TagList { { "code", code }, { "outcome", DropOutcomes[(int)reason] } });
    }

    private static string OutcomeName(DropReason reason) => reason switch
    {
        DropReason.Malformed => "dropped_malformed",
        DropReason.UnknownClient => "dropped_unknown_client",
        DropReason.BadAuthenticator => "dropped_bad_authenticator",
        DropReason.MissingMessageAuthenticator => "dropped_missing_message_authenticator",
        DropReason.RateLimited => "dropped_rate_limited",
        DropReason.DuplicateInProgress => "dropped_duplicate_in_progress",
        DropReason.Deadline => "dropped_deadline",
        DropReason.ClusterError => "dropped_cluster_error",
        DropReason.UnexpectedCode => "dropped_unexpected_code",
        DropReason.Overloaded => "dropped_overloaded",
        DropReason.NotServed => "dropped_not_served",
        DropReason.ReplyTooLarge => "dropped_reply_too_large",
        DropReason.SendFailed => "dropped_send_failed",
        DropReason.StorageUnavailable => "dropped_storage_unavailable",
        _ => "dropped",
    };
}
