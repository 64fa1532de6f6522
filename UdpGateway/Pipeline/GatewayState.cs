using System.Diagnostics;
using Orleans.Radius.Gateway.Clients;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>What the gateway knows about itself: its client table, its sockets, and whether the cluster answers.</summary>
internal sealed class GatewayState(ClientTable clients)
{
    private long _lastClusterSuccess;

    /// <summary>The current client table; replaced whole, read without locks.</summary>
    public ClientTable Clients { get; set; } = clients;

    public bool ListenersBound { get; set; }

    /// <summary>Valkey is down and <c>Valkey:OnOutage</c> is fail-closed: every request is dropped unanswered.</summary>
    public bool RefuseRequests { get; set; }

    /// <summary>The cluster's last word on its storage, kept by the background cluster monitor.</summary>
    public ClusterProbe? LastProbe { get; set; }

    /// <summary>Records that a grain call just succeeded.</summary>
    public void ClusterAnswered() => Volatile.Write(ref _lastClusterSuccess, Stopwatch.GetTimestamp());

    /// <summary>True when a grain call succeeded within <paramref name="window"/>.</summary>
    public bool ClusterAnsweredWithin(TimeSpan window)
    {
        var last = Volatile.Read(ref _lastClusterSuccess);
        return last != 0 && Stopwatch.GetElapsedTime(last) <= window;
    }
}
