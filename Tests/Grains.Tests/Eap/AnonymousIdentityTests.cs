using Orleans.Radius.Grains.Eap;

namespace Orleans.Radius.Grains.Tests.Eap;

/// <summary>RFC 7542 §2.4 anonymous NAIs: a realm at most, never a user.</summary>
public sealed class AnonymousIdentityTests
{
    [Theory]
    [InlineData("")]
    [InlineData("@example.org")]
    [InlineData("anonymous")]
    [InlineData("Anonymous@example.org")]
    [InlineData("ANONYMOUS@")]
    public void Names_no_user(string identity) => Assert.True(AnonymousIdentity.Is(identity));

    [Theory]
    [InlineData("alice")]
    [InlineData("alice@example.org")]
    [InlineData("anonymous.user@example.org")]
    [InlineData("anon@example.org")]
    [InlineData("x@anonymous")]
    public void Names_a_user(string identity) => Assert.False(AnonymousIdentity.Is(identity));
}
