using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>
/// What <see cref="LoopbackResponder"/> made of one datagram, and what it answered: <see cref="Reply"/> is
/// null when it stayed silent, and <see cref="DropReason"/> says why.
/// </summary>
internal sealed record DecodedRequest(
    byte[] Datagram,
    RadiusParseError ParseError,
    RadiusCode Code,
    byte Identifier,
    IReadOnlyList<RawAttribute> Attributes,
    IReadOnlyList<VendorAttribute> VendorAttributes,
    IReadOnlyList<TaggedAttribute> TunnelAttributes,
    MessageAuthenticatorCheck MessageAuthenticator,
    bool? RequestAuthenticatorValid,
    AuthenticationMethod Method,
    bool CredentialVerified,
    string? RevealedPassword,
    SentReply? Reply,
    string? DropReason)
{
    /// <summary>The string value of the first attribute of <paramref name="type"/>, if any.</summary>
    public string? GetString(RadiusAttributeType type) =>
        Attributes.FirstOrDefault(a => a.Type == (byte)type) is { } attribute
            ? System.Text.Encoding.UTF8.GetString(attribute.Value)
            : null;
}

/// <summary>One top-level attribute as it was on the wire.</summary>
internal sealed record RawAttribute(byte Type, byte[] Value);

/// <summary>One sub-attribute of a Vendor-Specific attribute (RFC 2865 §5.26 format).</summary>
internal sealed record VendorAttribute(uint VendorId, byte VendorType, byte[] Value);

/// <summary>A tagged tunnel attribute (RFC 2868 §3): its tag and the value after the tag.</summary>
internal sealed record TaggedAttribute(RadiusAttributeType Type, byte Tag, byte[] Value)
{
    /// <summary>The 24-bit value of an integer-typed tunnel attribute (Tunnel-Type, Tunnel-Medium-Type).</summary>
    public int IntegerValue => Value.Length == 3 ? (Value[0] << 16) | (Value[1] << 8) | Value[2] : -1;
}

/// <summary>The reply sent, with the plaintext of every hidden value in it, for comparing with what a client decrypted.</summary>
internal sealed record SentReply(
    RadiusCode Code,
    byte[] Datagram,
    string? TunnelPassword = null,
    byte[]? MsChapMppeKeys = null,
    byte[]? MsChap2Success = null,
    byte[]? MppeSendKey = null,
    byte[]? MppeRecvKey = null);

/// <summary>The credential an Access-Request carried.</summary>
public enum AuthenticationMethod
{
    None,
    Pap,
    Chap,
    MsChapV1,
    MsChapV2,
}
