using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Radius.Protocol.Packets;
using Orleans.Radius.Silo.Admin;
using Orleans.Radius.Silo.Admin.Coa;

namespace Orleans.Radius.Silo.Tests;

/// <summary>The CoA client against a loopback NAS: retransmission of the same bytes, discarded forgeries, timeout.</summary>
public class DynamicAuthorizationClientTests
{
    private const string Secret = "coa-client-secret";
    private static readonly SessionIdentification Session = new("s-1", "bob", System.Net.IPAddress.Loopback, null);

    [Fact]
    public async Task An_unanswered_request_is_sent_again_unchanged_and_the_second_answer_counts()
    {
        using var nas = new NasResponder();
        var sending = Client(TimeSpan.FromMilliseconds(300), attempts: 3).SendAsync(nas.EndPoint, RadiusCode.DisconnectRequest, Session, [], Bytes(Secret), CancellationToken.None);

        var (first, _) = await nas.ReceiveAsync(TimeSpan.FromSeconds(5));
        var (second, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(5));
        await nas.AnswerAsync(second, from, RadiusCode.DisconnectAck, Secret);
        var result = await sending;

        Assert.Equal(first, second);
        Assert.Equal(DynamicAuthorizationResult.Ack, result.Outcome);
        Assert.Equal("Disconnect-ACK", result.Code);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(nas.EndPoint.ToString(), result.Nas);
    }

    [Fact]
    public async Task A_forged_answer_is_discarded_and_the_real_one_taken()
    {
        using var nas = new NasResponder();
        var sending = Client(TimeSpan.FromSeconds(5), attempts: 1).SendAsync(nas.EndPoint, RadiusCode.CoaRequest, Session, [], Bytes(Secret), CancellationToken.None);

        var (request, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(5));
        await nas.AnswerAsync(request, from, RadiusCode.CoaAck, "not-the-secret");
        await nas.AnswerAsync(request, from, RadiusCode.CoaNak, Secret, errorCause: 401);
        var result = await sending;

        Assert.Equal(DynamicAuthorizationResult.Nak, result.Outcome);
        Assert.Equal("CoA-NAK", result.Code);
        Assert.Equal(401u, result.ErrorCause);
        Assert.Equal("Unsupported Attribute", result.ErrorCauseName);
        Assert.Equal(1, result.Discarded);
    }

    [Fact]
    public async Task A_silent_nas_is_a_timeout_after_every_attempt()
    {
        using var nas = new NasResponder();
        var sending = Client(TimeSpan.FromMilliseconds(200), attempts: 2).SendAsync(nas.EndPoint, RadiusCode.DisconnectRequest, Session, [], Bytes(Secret), CancellationToken.None);

        await nas.ReceiveAsync(TimeSpan.FromSeconds(5));
        await nas.ReceiveAsync(TimeSpan.FromSeconds(5));
        var result = await sending;

        Assert.Equal(DynamicAuthorizationResult.Timeout, result.Outcome);
        Assert.Null(result.Code);
        Assert.Equal(2, result.Attempts);
    }

    private static DynamicAuthorizationClient Client(TimeSpan timeout, int attempts) =>
        new(Options.Create(new AdminOptions { CoaTimeout = timeout, CoaAttempts = attempts }), NullLogger<DynamicAuthorizationClient>.Instance);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
