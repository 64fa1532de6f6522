using System.Net;
using Orleans.Radius.Silo.Admin;

namespace Orleans.Radius.Silo.Tests;

/// <summary>Who the admin rule lets in, with and without a configured token.</summary>
public class AdminAccessRuleTests
{
    private const string Token = "0123456789abcdef-admin";

    [Fact]
    public void Without_a_token_only_loopback_is_allowed()
    {
        var rule = new AdminAccessRule(null);

        Assert.Equal(AdminAccessDecision.Allowed, rule.Decide(IPAddress.Loopback, null));
        Assert.Equal(AdminAccessDecision.Allowed, rule.Decide(IPAddress.IPv6Loopback, null));
        Assert.Equal(AdminAccessDecision.Allowed, rule.Decide(IPAddress.Parse("::ffff:127.0.0.1"), null));
        Assert.Equal(AdminAccessDecision.NotLoopback, rule.Decide(IPAddress.Parse("192.0.2.1"), null));
        Assert.Equal(AdminAccessDecision.NotLoopback, rule.Decide(IPAddress.Parse("192.0.2.1"), "Bearer anything"));
        Assert.Equal(AdminAccessDecision.NotLoopback, rule.Decide(null, null));
    }

    [Fact]
    public void With_a_token_everyone_needs_it_loopback_included()
    {
        var rule = new AdminAccessRule(Token);

        Assert.Equal(AdminAccessDecision.Allowed, rule.Decide(IPAddress.Parse("192.0.2.1"), $"Bearer {Token}"));
        Assert.Equal(AdminAccessDecision.Allowed, rule.Decide(IPAddress.Loopback, $"bearer {Token}"));
        Assert.Equal(AdminAccessDecision.MissingToken, rule.Decide(IPAddress.Loopback, null));
        Assert.Equal(AdminAccessDecision.MissingToken, rule.Decide(IPAddress.Loopback, $"Basic {Token}"));
        Assert.Equal(AdminAccessDecision.WrongToken, rule.Decide(IPAddress.Loopback, $"Bearer {Token}x"));
        Assert.Equal(AdminAccessDecision.WrongToken, rule.Decide(IPAddress.Loopback, "Bearer "));
    }
}
