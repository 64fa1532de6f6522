using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class RadiusSignerExampleTests
{
    public static TheoryData<string> Exchanges => ["7.1", "7.2", "7.3"];

    [Theory]
    [MemberData(nameof(Exchanges))]
    public void Verifies_the_response_authenticators_of_rfc_2865_examples(string section)
    {
        var (request, response) = Exchange(section);
        Assert.True(RadiusSigner.VerifyResponseAuthenticator(response, Rfc2865Examples.Authenticator(request), Rfc2865Examples.Secret));
    }

    [Theory]
    [MemberData(nameof(Exchanges))]
    public void Rejects_rfc_2865_responses_with_any_byte_changed_or_the_wrong_secret(string section)
    {
        var (request, response) = Exchange(section);
        Assert.False(RadiusSigner.VerifyResponseAuthenticator(response, Rfc2865Examples.Authenticator(request), "xyzzy5462"u8));
        for (var i = 0; i < response.Length; i++)
        {
            var corrupt = (byte[])response.Clone();
            corrupt[i] ^= 0x01;
            Assert.False(RadiusSigner.VerifyResponseAuthenticator(corrupt, Rfc2865Examples.Authenticator(request), Rfc2865Examples.Secret));
        }
    }

    [Fact]
    public void Response_check_never_throws_on_truncated_packets()
    {
        var response = Rfc2865Examples.TelnetAccept;
        for (var length = 0; length < response.Length; length++)
        {
            Assert.False(RadiusSigner.VerifyResponseAuthenticator(response.AsSpan(0, length), Rfc2865Examples.Authenticator(Rfc2865Examples.TelnetRequest), Rfc2865Examples.Secret));
        }
    }

    private static (byte[] Request, byte[] Response) Exchange(string section) => section switch
    {
        "7.1" => (Rfc2865Examples.TelnetRequest, Rfc2865Examples.TelnetAccept),
        "7.2" => (Rfc2865Examples.ChapRequest, Rfc2865Examples.ChapAccept),
        _ => (Rfc2865Examples.CardRequest, Rfc2865Examples.CardChallenge),
    };
}
