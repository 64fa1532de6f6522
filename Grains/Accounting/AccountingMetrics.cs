using System.Diagnostics.Metrics;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>Counters of the accounting grains (meter <c>Orleans.Radius.Accounting</c>).</summary>
internal static class AccountingMetrics
{
    private static readonly Meter Meter = new("Orleans.Radius.Accounting");

    private static readonly Counter<long> Records = Meter.CreateCounter<long>(
        "radius.accounting.records", description: "Accounting records taken, by status and outcome");

    private static readonly Counter<long> Exported = Meter.CreateCounter<long>(
        "radius.accounting.exported", description: "Records appended to the export, by status");

    private static readonly Counter<long> Closed = Meter.CreateCounter<long>(
        "radius.accounting.closed", description: "Sessions closed, by who closed them");

    public static void Record(AccountingStatusType status, AccountingOutcome outcome)
    {
        if (Records.Enabled)
        {
            Records.Add(1, new("status", status.ToString()), new("outcome", outcome.ToString()));
        }
    }

    public static void Export(string status)
    {
        if (Exported.Enabled)
        {
            Exported.Add(1, new KeyValuePair<string, object?>("status", status));
        }
    }

    public static void Close(SessionClosedBy closedBy)
    {
        if (Closed.Enabled)
        {
            Closed.Add(1, new KeyValuePair<string, object?>("closed_by", closedBy.ToString()));
        }
    }
}
