using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Interop.InteropSetup;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>Vendor-Specific and tagged attributes as radclient encodes them, and what a wrong secret does on either side.</summary>
public class RadclientAttributeTests
{
    [Fact]
    public async Task Vendor_specific_and_tagged_tunnel_attributes_are_decoded_with_vendor_tag_and_value()
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "auth", Secret, $"""
            User-Name = "{Alice}"
            User-Password = "{AlicePassword}"
            Cisco-AVPair = "foo=bar"
            Cisco-AVPair = "ip:addr-pool=interop"
            Tunnel-Type:1 = VLAN
            Tunnel-Medium-Type:1 = IEEE-802
            Tunnel-Private-Group-Id:2 = "7"
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(MessageAuthenticatorCheck.Valid, request.MessageAuthenticator);

        var cisco = request.VendorAttributes.Where(v => v.VendorId == LoopbackResponder.CiscoVendorId).ToList();
        Assert.Equal(2, cisco.Count);
        Assert.All(cisco, v => Assert.Equal(LoopbackResponder.CiscoAvPairType, v.VendorType));
        Assert.Equal(["foo=bar", "ip:addr-pool=interop"], cisco.Select(v => Encoding.UTF8.GetString(v.Value)));

        var tunnelType = Assert.Single(request.TunnelAttributes, t => t.Type == RadiusAttributeType.TunnelType);
        Assert.Equal(1, tunnelType.Tag);
        Assert.Equal(LoopbackResponder.TunnelTypeVlan, tunnelType.IntegerValue);
        var medium = Assert.Single(request.TunnelAttributes, t => t.Type == RadiusAttributeType.TunnelMediumType);
        Assert.Equal(1, medium.Tag);
        Assert.Equal(LoopbackResponder.TunnelMediumIeee802, medium.IntegerValue);
        var group = Assert.Single(request.TunnelAttributes, t => t.Type == RadiusAttributeType.TunnelPrivateGroupId);
        Assert.Equal(2, group.Tag);
        Assert.Equal("7"u8.ToArray(), group.Value);

        RadclientAuthenticationTests.AssertCommonAcceptAttributes(RadclientOutput.SingleReply(result.StandardOutput));
    }

    [Fact]
    public async Task Request_signed_with_a_wrong_secret_is_recorded_as_invalid_and_not_answered()
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "auth", WrongSecret, $"""
            User-Name = "{Alice}"
            User-Password = "{AlicePassword}"
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("No reply from server", result.StandardOutput, StringComparison.Ordinal);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(MessageAuthenticatorCheck.Invalid, request.MessageAuthenticator);
        Assert.Equal("invalid Message-Authenticator", request.DropReason);
        Assert.Null(request.Reply);
    }

    [Fact]
    public async Task Reply_signed_with_another_secret_is_refused_by_radclient()
    {
        // Without a Message-Authenticator in the request the responder cannot tell the secrets differ: it
        // answers (Access-Reject, the password revealed to garbage) signed with its own secret, and radclient
        // must refuse that reply.
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "auth", WrongSecret, $"""
            User-Name = "{Alice}"
            User-Password = "{AlicePassword}"
            """);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("invalid Message-Authenticator", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(RadclientOutput.Replies(result.StandardOutput));
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(MessageAuthenticatorCheck.Missing, request.MessageAuthenticator);
        Assert.NotEqual(AlicePassword, request.RevealedPassword);
        Assert.Equal(RadiusCode.AccessReject, request.Reply?.Code);
    }
}
