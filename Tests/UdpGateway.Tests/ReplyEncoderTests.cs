using System.Security.Cryptography;
using Orleans.Radius.Gateway.Pipeline;
using Orleans.Radius.Grains;
using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Tests;

public class ReplyEncoderTests
{
    private static readonly byte[] Secret = "gateway-secret"u8.ToArray();

    private static readonly ReplyAttribute[] Attributes =
    [
        new([18, 7, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o'], ReplyEncryption.None),
        new([69, 9, 1, (byte)'t', (byte)'u', (byte)'n', (byte)'n', (byte)'e', (byte)'l'], ReplyEncryption.TunnelPassword),
        new(MicrosoftVsa(16, [.. Enumerable.Range(1, 16).Select(i => (byte)i)]), ReplyEncryption.MicrosoftSalt),
        new(MicrosoftVsa(17, [.. Enumerable.Range(17, 16).Select(i => (byte)i)]), ReplyEncryption.MicrosoftSalt),
    ];

    [Fact]
    public void The_same_decision_encodes_to_identical_bytes_on_any_gateway()
    {
        // Two gateways answering one retransmission from the grain's cached decision must agree byte for byte.
        var request = Request(proxyState: true);
        var first = Encode(request);
        var second = Encode(request);
        Assert.Equal(first, second);
        Assert.NotEqual(first, Encode(Request(proxyState: true)));
    }

    [Fact]
    public void Replies_put_message_authenticator_first_copy_proxy_state_and_verify()
    {
        var request = Request(proxyState: true);
        var reply = Encode(request);
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(reply, out var reader));
        Assert.Equal(RadiusCode.AccessAccept, reader.Code);
        var attributes = new List<(byte Type, byte[] Value)>();
        foreach (var attribute in reader)
        {
            attributes.Add((attribute.Type, attribute.Value.ToArray()));
        }

        Assert.Equal((byte)RadiusAttributeType.MessageAuthenticator, attributes[0].Type);
        Assert.Equal("state-1"u8.ToArray(), attributes.Single(a => a.Type == (byte)RadiusAttributeType.ProxyState).Value);
        var requestAuthenticator = request.AsSpan(4, 16);
        Assert.True(RadiusSigner.VerifyResponseAuthenticator(reply, requestAuthenticator, Secret));
        Assert.True(RadiusSigner.TryFindMessageAuthenticator(reply, out var offset));
        Assert.True(RadiusSigner.VerifyMessageAuthenticator(reply, offset, requestAuthenticator, Secret));
    }

    [Fact]
    public void Encrypted_values_decrypt_to_what_the_grain_decided_with_distinct_salts()
    {
        var request = Request(proxyState: false);
        var reply = Encode(request);
        RadiusPacketReader.TryParse(reply, out var reader);
        var requestAuthenticator = request.AsSpan(4, 16);
        var salts = new HashSet<ushort>();
        var buffer = new byte[64];
        foreach (var attribute in reader)
        {
            if (attribute.Type == (byte)RadiusAttributeType.TunnelPassword)
            {
                Assert.True(TunnelPasswordCipher.TryReveal(attribute.Value, Secret, requestAuthenticator, out var tag, buffer, out var written));
                Assert.Equal(1, tag);
                Assert.Equal("tunnel"u8.ToArray(), buffer[..written]);
                Assert.True(salts.Add((ushort)((attribute.Value[1] << 8) | attribute.Value[2])));
            }
            else if (attribute.Type == (byte)RadiusAttributeType.VendorSpecific)
            {
                Assert.Equal(RadiusVendorSpecificError.None, RadiusVendorSpecificReader.TryCreate(attribute.Value, RadiusVendorFormat.Default, out var vsa));
                foreach (var sub in vsa)
                {
                    Assert.True(SaltEncryption.TryDecrypt(sub.Value, Secret, requestAuthenticator, buffer, out var written));
                    var expected = sub.Type == 16 ? Enumerable.Range(1, 16) : Enumerable.Range(17, 16);
                    Assert.Equal(expected.Select(i => (byte)i).ToArray(), buffer[..written]);
                    Assert.True(salts.Add((ushort)((sub.Value[0] << 8) | sub.Value[1])));
                    Assert.True((sub.Value[0] & 0x80) != 0);
                }
            }
        }

        Assert.Equal(3, salts.Count);
    }

    [Fact]
    public void Accounting_responses_carry_no_message_authenticator_but_status_server_replies_do()
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var accounting = Request(proxyState: false);
        accounting[0] = (byte)RadiusCode.AccountingRequest;
        var length = ReplyEncoder.Encode(buffer, accounting, RadiusCode.AccountingResponse, [], Secret);
        Assert.False(RadiusSigner.TryFindMessageAuthenticator(buffer.AsSpan(0, length), out _));
        Assert.True(RadiusSigner.VerifyResponseAuthenticator(buffer.AsSpan(0, length), accounting.AsSpan(4, 16), Secret));

        var status = Request(proxyState: false);
        status[0] = (byte)RadiusCode.StatusServer;
        length = ReplyEncoder.Encode(buffer, status, RadiusCode.AccountingResponse, [], Secret);
        Assert.True(RadiusSigner.TryFindMessageAuthenticator(buffer.AsSpan(0, length), out _));
    }

    private static byte[] Encode(byte[] request)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var length = ReplyEncoder.Encode(buffer, request, RadiusCode.AccessAccept, Attributes, Secret);
        Assert.True(length > 0);
        return buffer[..length];
    }

    private static byte[] Request(bool proxyState)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, 17, RandomNumberGenerator.GetBytes(16));
        writer.TryWriteAttribute(RadiusAttributeType.UserName, "alice"u8);
        if (proxyState)
        {
            writer.TryWriteAttribute(RadiusAttributeType.ProxyState, "state-1"u8);
        }

        return writer.Complete().ToArray();
    }

    private static byte[] MicrosoftVsa(byte type, byte[] value)
    {
        var encoded = new byte[value.Length + 8];
        encoded[0] = 26;
        encoded[1] = (byte)encoded.Length;
        encoded[5] = 0x37; // 311 = 0x00000137
        encoded[4] = 0x01;
        encoded[6] = type;
        encoded[7] = (byte)(value.Length + 2);
        value.CopyTo(encoded, 8);
        return encoded;
    }
}
