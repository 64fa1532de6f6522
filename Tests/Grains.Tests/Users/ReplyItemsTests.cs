using Orleans.Radius.Grains.Users;
using Orleans.Radius.Protocol.Dictionary;

namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>Reply items compiled through the built-in dictionary into attributes laid out as RFC 2865, 2868 and 2548 say.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class ReplyItemsTests(DefaultClusterFixture fixture)
{
    // Cisco's vendor is not in the built-in dictionary; a Microsoft VSA stands in for a vendor attribute.
    private static readonly Dictionary<string, string> Reply = new()
    {
        ["Reply-Message"] = "hi",
        ["Session-Timeout"] = "3600",
        ["Tunnel-Type:1"] = "VLAN",
        ["Tunnel-Private-Group-Id:1"] = "100",
        ["Tunnel-Password:1"] = "s3cret",
        ["MS-Primary-DNS-Server"] = "192.0.2.53",
    };

    [Fact]
    public async Task An_accepted_user_gets_the_reply_items_encoded_byte_exact()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("reply-items");
        await user.Upsert(new UserDefinition("reply-items", "pw", null, Reply, null));

        var result = await user.Authenticate(Requests.Pap("pw"));

        Assert.Equal(AuthOutcome.Accept, result.Outcome);
        Assert.Collection(
            result.Attributes,
            // RFC 2865 §5.26 Vendor-Specific, vendor 311, RFC 2548 §2.7.1 MS-Primary-DNS-Server (28), an IPv4 address.
            attribute => AssertAttribute([26, 12, 0, 0, 0x01, 0x37, 28, 6, 192, 0, 2, 53], ReplyEncryption.None, attribute),
            // RFC 2865 §5.18 Reply-Message (18), text.
            attribute => AssertAttribute([18, 4, (byte)'h', (byte)'i'], ReplyEncryption.None, attribute),
            // RFC 2865 §5.27 Session-Timeout (27), a 32-bit big-endian integer: 3600 = 0x0E10.
            attribute => AssertAttribute([27, 6, 0, 0, 0x0E, 0x10], ReplyEncryption.None, attribute),
            // RFC 2868 §3.5 Tunnel-Password (69): the tag, then the plaintext the gateway salts and encrypts.
            attribute => AssertAttribute([69, 9, 1, .. "s3cret"u8], ReplyEncryption.TunnelPassword, attribute),
            // RFC 2868 §3.6 Tunnel-Private-Group-ID (81): the tag, then the string.
            attribute => AssertAttribute([81, 6, 1, .. "100"u8], ReplyEncryption.None, attribute),
            // RFC 2868 §3.1 Tunnel-Type (64): the tag, then VLAN (13, RFC 3580 §3.31) in three bytes.
            attribute => AssertAttribute([64, 6, 1, 0, 0, 13], ReplyEncryption.None, attribute));
    }

    [Fact]
    public void Valid_items_have_no_problems() => Assert.Empty(ReplyItems.Problems(Reply));

    [Theory]
    [InlineData("Service-Type", "Framed-User", new byte[] { 6, 6, 0, 0, 0, 2 })]
    [InlineData("Service-Type", "2", new byte[] { 6, 6, 0, 0, 0, 2 })]
    [InlineData("Tunnel-Medium-Type", "IEEE-802", new byte[] { 65, 6, 0, 0, 0, 6 })]
    public void An_integer_takes_a_number_or_a_value_name_from_the_dictionary(string name, string value, byte[] expected)
    {
        var attribute = Assert.Single(ReplyItems.Compile(new Dictionary<string, string> { [name] = value }, RadiusDictionary.Standard));

        AssertAttribute(expected, ReplyEncryption.None, attribute);
    }

    [Fact]
    public void An_untagged_tunnel_password_still_carries_a_zero_tag()
    {
        var attribute = Assert.Single(ReplyItems.Compile(new Dictionary<string, string> { ["Tunnel-Password"] = "x" }, RadiusDictionary.Standard));

        AssertAttribute([69, 4, 0, (byte)'x'], ReplyEncryption.TunnelPassword, attribute);
    }

    [Fact]
    public void A_microsoft_mppe_key_item_is_marked_for_salt_encryption()
    {
        var attribute = Assert.Single(ReplyItems.Compile(new Dictionary<string, string> { ["MS-MPPE-Send-Key"] = "0x0102" }, RadiusDictionary.Standard));

        AssertAttribute([26, 10, 0, 0, 0x01, 0x37, 16, 4, 1, 2], ReplyEncryption.MicrosoftSalt, attribute);
    }

    [Theory]
    [InlineData("Cisco-AVPair", "shell:priv-lvl=15", "no such attribute")]
    [InlineData("Session-Timeout", "an hour", "not a valid")]
    [InlineData("Framed-IP-Address", "192.0.2", "not a valid")]
    [InlineData("Tunnel-Type:1", "No-Such-Tunnel", "not a valid")]
    [InlineData("Reply-Message:1", "hi", "takes no tag")]
    [InlineData("Tunnel-Private-Group-Id:0", "100", "tag after ':'")]
    [InlineData("Tunnel-Private-Group-Id:32", "100", "tag after ':'")]
    [InlineData("Tunnel-Private-Group-Id:x", "100", "tag after ':'")]
    [InlineData("Tunnel-Private-Group-Id:", "100", "tag after ':'")]
    [InlineData("MS-CHAP-MPPE-Keys", "0x00", "not supported in replies")]
    public void A_bad_item_is_reported_by_name_and_left_out(string name, string value, string expected)
    {
        var items = new Dictionary<string, string> { [name] = value, ["Reply-Message"] = "kept" };
        var problems = new List<string>();

        var attributes = ReplyItems.Compile(items, RadiusDictionary.Standard, problems);

        var problem = Assert.Single(problems);
        Assert.StartsWith(name + ": ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Equal([18, 6, .. "kept"u8], Assert.Single(attributes).Encoded);
        Assert.Equal(problems, ReplyItems.Problems(items));
    }

    [Fact]
    public void Every_bad_item_gets_its_own_problem()
    {
        var items = new Dictionary<string, string> { ["No-Such"] = "1", ["Session-Timeout"] = "x", ["Reply-Message:3"] = "y" };

        Assert.Equal(3, ReplyItems.Problems(items).Count());
    }

    private static void AssertAttribute(byte[] expected, ReplyEncryption encryption, ReplyAttribute actual)
    {
        Assert.Equal(expected, actual.Encoded);
        Assert.Equal(encryption, actual.Encryption);
    }
}
