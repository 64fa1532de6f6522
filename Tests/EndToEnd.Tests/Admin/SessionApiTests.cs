using System.Net;
using System.Text;
using Orleans.Radius.EndToEnd.Tests.Accounting;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>
/// Who is online, and RFC 5176 requests from the silo to a loopback test NAS that runs its own dynamic
/// authorization server: ACK, NAK with Error-Cause, timeout, and a CoA carrying attributes.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class SessionApiTests(AdminFixture fixture)
{
    private const string NasName = "coa-nas";
    private const string User = "online-user";

    [Fact]
    public async Task A_disconnect_reaches_the_nas_and_its_ack_is_reported()
    {
        using var nas = await RegisterNasAsync();
        var sessionId = await StartSessionAsync(nas, "10.9.8.7");

        var online = (await fixture.Api.GetAsync($"/api/sessions?user={User}&nas={NasName}")).Body!.AsArray();
        Assert.Contains(online, session => session!["sessionId"]!.GetValue<string>() == sessionId);
        Assert.Contains((await fixture.Api.GetAsync($"/api/sessions?nas={NasName}")).Body!.AsArray(), session => session!["sessionId"]!.GetValue<string>() == sessionId);
        var stored = await fixture.Api.GetAsync($"/api/sessions/{NasName}/{sessionId}");
        Assert.True(stored.Body!["isOpen"]!.GetValue<bool>());

        var disconnect = fixture.Api.PostAsync($"/api/sessions/{NasName}/{sessionId}/disconnect");
        var (request, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        await nas.AnswerAsync(request, from, RadiusCode.DisconnectAck);
        var (status, result) = await disconnect;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RadiusCode.DisconnectRequest, (RadiusCode)request[0]);
        Assert.Equal(sessionId, Encoding.UTF8.GetString(LoopbackNas.Value(request, RadiusAttributeType.AcctSessionId)!));
        Assert.Equal(User, Encoding.UTF8.GetString(LoopbackNas.Value(request, RadiusAttributeType.UserName)!));
        Assert.Equal(nas.Address.GetAddressBytes(), LoopbackNas.Value(request, RadiusAttributeType.NasIpAddress));
        Assert.Equal(IPAddress.Parse("10.9.8.7").GetAddressBytes(), LoopbackNas.Value(request, RadiusAttributeType.FramedIpAddress));
        Assert.Equal("ack", result!["outcome"]!.GetValue<string>());
        Assert.Equal("Disconnect-ACK", result["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_nak_is_reported_with_its_error_cause()
    {
        using var nas = await RegisterNasAsync();
        var sessionId = await StartSessionAsync(nas, null);

        var disconnect = fixture.Api.PostAsync($"/api/sessions/{NasName}/{sessionId}/disconnect");
        var (request, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        await nas.AnswerAsync(request, from, RadiusCode.DisconnectNak, errorCause: 503);
        var (status, result) = await disconnect;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("nak", result!["outcome"]!.GetValue<string>());
        Assert.Equal(503, result["errorCause"]!.GetValue<int>());
        Assert.Equal("Session Context Not Found", result["errorCauseName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_silent_nas_is_a_timeout_after_the_retransmission()
    {
        using var nas = await RegisterNasAsync();
        var sessionId = await StartSessionAsync(nas, null);

        var disconnect = fixture.Api.PostAsync($"/api/sessions/{NasName}/{sessionId}/disconnect");
        var (first, _) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        var (second, _) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        var (_, result) = await disconnect;

        Assert.Equal(first, second);
        Assert.Equal("timeout", result!["outcome"]!.GetValue<string>());
        Assert.Equal(2, result["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_coa_carries_its_attributes_and_bad_ones_are_refused()
    {
        using var nas = await RegisterNasAsync();
        var sessionId = await StartSessionAsync(nas, null);

        var refused = await fixture.Api.PostAsync($"/api/sessions/{NasName}/{sessionId}/coa", new { attributes = new Dictionary<string, string> { ["No-Such"] = "1" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        var coa = fixture.Api.PostAsync($"/api/sessions/{NasName}/{sessionId}/coa", new { attributes = new Dictionary<string, string> { ["Session-Timeout"] = "600", ["Filter-Id"] = "gold" } });
        var (request, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        await nas.AnswerAsync(request, from, RadiusCode.CoaAck);
        var (status, result) = await coa;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RadiusCode.CoaRequest, (RadiusCode)request[0]);
        Assert.Equal([0, 0, 2, 88], LoopbackNas.Value(request, RadiusAttributeType.SessionTimeout));
        Assert.Equal("gold"u8.ToArray(), LoopbackNas.Value(request, RadiusAttributeType.FilterId));
        Assert.Equal("CoA-ACK", result!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_id_with_a_slash_is_addressed_percent_encoded()
    {
        // Some NASes build Acct-Session-Id from an interface name ("Gi0/1/2:…"); the id is one path segment.
        using var nas = await RegisterNasAsync();
        var sessionId = await StartSessionAsync(nas, null, suffix: "/Gi0/1/2");

        var stored = await fixture.Api.GetAsync($"/api/sessions/{NasName}/{Uri.EscapeDataString(sessionId)}");

        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal(sessionId, stored.Body!["sessionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_sessions_and_missing_filters_are_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.GetAsync($"/api/sessions/{NasName}/no-such-session")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.PostAsync($"/api/sessions/{NasName}/no-such-session/disconnect")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Api.GetAsync("/api/sessions")).Status);
    }

    // The NAS on 127.0.0.3, its CoA server on a free port, registered through the API and served by the gateway.
    private async Task<LoopbackNas> RegisterNasAsync()
    {
        var nas = new LoopbackNas("127.0.0.3", "coa-nas-secret");
        var put = await fixture.Api.PutAsync($"/api/clients/{NasName}", new { Address = "127.0.0.3", Secret = nas.Secret, CoaPort = nas.CoaPort });
        Assert.True(put.Status is HttpStatusCode.Created or HttpStatusCode.OK, AdminClient.Text(put.Body));
        return nas;
    }

    // Sends an Accounting-Start from the NAS's address until the gateway (which may still be loading the new client) answers it.
    private async Task<string> StartSessionAsync(LoopbackNas nas, string? framedIp, string suffix = "")
    {
        var sessionId = AcctRequests.NewSessionId("admin") + suffix;
        List<AcctAttribute> attributes = [AcctAttribute.Status(AcctStatus.Start), AcctAttribute.Session(sessionId), AcctAttribute.User(User)];
        if (framedIp is not null)
        {
            attributes.Add(AcctAttribute.Address(RadiusAttributeType.FramedIpAddress, framedIp));
        }

        using var socket = new UdpExchange(nas.Address);
        var request = AcctRequests.Build(1, attributes, nas.Secret);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var reply = await socket.SendAsync(request, new IPEndPoint(IPAddress.Loopback, fixture.Gateway.AcctPort), TimeSpan.FromMilliseconds(500));
            if (reply is not null && AccessRequests.IsSignedReplyTo(reply, request, nas.Secret))
            {
                return sessionId;
            }

            Assert.False(deadline.IsCancellationRequested, "the gateway never answered the Accounting-Start");
        }
    }
}
