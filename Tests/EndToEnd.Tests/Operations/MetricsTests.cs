using System.Diagnostics;
using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>
/// Real traffic through a real gateway and silo, then <c>/metrics</c> from both: promtool accepts the output
/// and the request counters moved by exactly what was sent.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class MetricsTests(OperationsFixture fixture)
{
    private const string User = "ops-metrics";
    private const string Password = "ops-metrics-password";
    private const string Requests = "radius_requests_total";
    private static readonly (string, string) AccessRequest = ("code", "Access-Request");
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Counters_move_by_exactly_the_traffic_sent_and_promtool_accepts_both_hosts()
    {
        var gatewayBefore = await ScrapeAsync(fixture.Gateway);
        var siloBefore = await ScrapeAsync(fixture.Silo);
        long bytesIn = 0, bytesOut = 0;
        const int accepts = 5, rejects = 3, unknown = 2, badAuthenticator = 1;

        for (byte i = 0; i < accepts + rejects; i++)
        {
            using var nas = new UdpExchange();
            var request = AccessRequests.Pap(i, User, i < accepts ? Password : "wrong-password");
            var reply = await nas.SendAsync(request, fixture.Gateway.Auth, TimeSpan.FromSeconds(5));
            Assert.NotNull(reply);
            Assert.Equal(i < accepts ? RadiusCode.AccessAccept : RadiusCode.AccessReject, AccessRequests.CodeOf(reply));
            bytesIn += request.Length;
            bytesOut += reply.Length;
        }

        // A retransmission after the answer: the same bytes from the same port get the same reply again.
        using (var nas = new UdpExchange())
        {
            var request = AccessRequests.Pap(100, User, Password);
            var first = await nas.SendAsync(request, fixture.Gateway.Auth, TimeSpan.FromSeconds(5));
            var again = await nas.SendAsync(request, fixture.Gateway.Auth, TimeSpan.FromSeconds(5));
            Assert.NotNull(first);
            Assert.Equal(first, again);
            bytesIn += 2L * request.Length;
            bytesOut += first.Length + again!.Length;
        }

        for (byte i = 0; i < unknown; i++)
        {
            using var stranger = new UdpExchange(IPAddress.Parse("127.0.0.2"));
            var request = AccessRequests.Pap(i, User, Password);
            Assert.Null(await stranger.SendAsync(request, fixture.Gateway.Auth, Silence));
            bytesIn += request.Length;
        }

        using (var nas = new UdpExchange())
        {
            var request = AccessRequests.Pap(200, User, Password, secret: "not-the-shared-secret");
            Assert.Null(await nas.SendAsync(request, fixture.Gateway.Auth, Silence));
            bytesIn += request.Length;
        }

        // A reply can reach the client a moment before its counter is incremented: wait for the last one.
        var gateway = await ScrapeUntilAsync(fixture.Gateway, text => Delta(text, gatewayBefore, Requests, AccessRequest, ("outcome", "accept")) >= accepts + 1);
        var silo = await ScrapeAsync(fixture.Silo);

        Assert.Equal(accepts + 1, Delta(gateway, gatewayBefore, Requests, AccessRequest, ("outcome", "accept")));
        Assert.Equal(rejects, Delta(gateway, gatewayBefore, Requests, AccessRequest, ("outcome", "reject")));
        Assert.Equal(1, Delta(gateway, gatewayBefore, Requests, AccessRequest, ("outcome", "duplicate_replayed")));
        Assert.Equal(unknown, Delta(gateway, gatewayBefore, Requests, AccessRequest, ("outcome", "dropped_unknown_client")));
        Assert.Equal(badAuthenticator, Delta(gateway, gatewayBefore, Requests, AccessRequest, ("outcome", "dropped_bad_authenticator")));
        Assert.Equal(accepts + rejects + 2 + unknown + badAuthenticator, Delta(gateway, gatewayBefore, Requests));
        Assert.Equal(accepts + rejects + 2, Delta(gateway, gatewayBefore, "radius_request_duration_seconds_count", AccessRequest));
        Assert.Equal(bytesIn, Delta(gateway, gatewayBefore, "radius_received_bytes_total"));
        Assert.Equal(bytesOut, Delta(gateway, gatewayBefore, "radius_sent_bytes_total"));
        Assert.Equal(0, PrometheusText.Sum(gateway, "radius_requests_in_flight"));

        // Every request that reached a user grain was decided from memory or after a storage read.
        Assert.Equal(accepts + rejects + 2, Delta(silo, siloBefore, "radius_user_decisions_total"));
        Assert.True(PrometheusText.Sum(silo, "radius_user_decisions_total", ("source", "memory")) > 0, silo);

        foreach (var name in new[]
        {
            "valkey_operation_duration_seconds_count", "orleans_catalog_activations", "orleans_storage_read_duration_seconds_count",
            "radius_eap_conversations_active", "radius_accounting_sessions_open", "dotnet_gc_collections_total", "process_cpu_time_seconds_total",
        })
        {
            Assert.True(PrometheusText.Has(silo, name), $"silo /metrics has no {name}:\n{silo}");
        }

        Assert.True(PrometheusText.Has(gateway, "dotnet_gc_collections_total"), gateway);

        foreach (var (host, text) in new[] { ("gateway", gateway), ("silo", silo) })
        {
            var check = await PrometheusText.CheckAsync(text);
            Assert.True(check.ExitCode == 0, $"promtool check metrics on the {host}'s /metrics:\n{check.Output}");
        }
    }

    private static double Delta(string after, string before, string name, params (string, string)[] labels) =>
        PrometheusText.Sum(after, name, labels) - PrometheusText.Sum(before, name, labels);

    private static async Task<string> ScrapeAsync(RadiusNode node)
    {
        var (status, body) = await OperationsHttp.GetAsync(node, "/metrics");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static async Task<string> ScrapeUntilAsync(RadiusNode node, Func<string, bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        var text = await ScrapeAsync(node);
        while (!condition(text) && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            text = await ScrapeAsync(node);
        }

        return text;
    }
}
