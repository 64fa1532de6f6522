using System.Diagnostics;
using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;
using Xunit.Abstractions;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>NAS clients managed through the admin API: a running gateway serves them within 5 s, and stops serving them after a delete.</summary>
[Collection(AdminCollection.Name)]
public sealed class ClientApiTests(AdminFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_new_client_is_served_by_the_running_gateway_within_5_seconds_and_dropped_after_delete()
    {
        const string secret = "api-nas-secret";
        using var nas = new UdpExchange(IPAddress.Parse("127.0.0.2"));
        Assert.False(await AnsweredAsync(nas, secret, TimeSpan.FromMilliseconds(500)));

        var put = await fixture.Api.PutAsync("/api/clients/api-nas", new { Address = "127.0.0.2", Secret = secret });
        Assert.True(put.Status == HttpStatusCode.Created, AdminClient.Text(put.Body));
        var served = await UntilAsync(() => AnsweredAsync(nas, secret, TimeSpan.FromMilliseconds(250)));
        output.WriteLine($"served {served.TotalSeconds:F2} s after the PUT");
        Assert.True(served < Budget, $"served after {served}");

        var (status, client) = await fixture.Api.GetAsync("/api/clients/API-NAS");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(client!["secretSet"]!.GetValue<bool>());
        Assert.Null(client["secret"]);
        Assert.DoesNotContain(secret, (await fixture.Api.GetAsync("/api/clients")).Body!.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Api.DeleteAsync("/api/clients/api-nas")).Status);
        var dropped = await UntilAsync(async () => !await AnsweredAsync(nas, secret, TimeSpan.FromMilliseconds(250)));
        output.WriteLine($"dropped {dropped.TotalSeconds:F2} s after the DELETE");
        Assert.True(dropped < Budget, $"still served {dropped} after the delete");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.GetAsync("/api/clients/api-nas")).Status);
    }

    [Fact]
    public async Task Invalid_and_conflicting_clients_are_refused()
    {
        var (status, problem) = await fixture.Api.PutAsync("/api/clients/bad-nas", new { Address = "10.0.0.0/33", Secret = "", CoaPort = 70000 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(3, problem!["problems"]!.AsArray().Count);

        var conflict = await fixture.Api.PutAsync("/api/clients/copycat", new { Address = "127.0.0.1", Secret = "x" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("loopback-nas", conflict.Body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_clients_are_seeded_into_the_registry()
    {
        var (status, client) = await fixture.Api.GetAsync("/api/clients/loopback-nas");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("127.0.0.1", client!["address"]!.GetValue<string>());
        Assert.Equal(3799, client["coaPort"]!.GetValue<int>());
    }

    // A known client gets a signed answer (a Reject for this unknown user); an unknown client gets none.
    private async Task<bool> AnsweredAsync(UdpExchange nas, string secret, TimeSpan wait)
    {
        var request = AccessRequests.Pap(1, "client-api-probe", "irrelevant", secret);
        var reply = await nas.SendAsync(request, fixture.Gateway.Auth, wait);
        return reply is not null && AccessRequests.IsSignedReplyTo(reply, request, secret) && AccessRequests.CodeOf(reply) == RadiusCode.AccessReject;
    }

    // Polls until the condition holds; returns how long it took, or fails after twice the budget.
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Budget * 2, $"not within {Budget * 2}");
        }

        return clock.Elapsed;
    }
}
