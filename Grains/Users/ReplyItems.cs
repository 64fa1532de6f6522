using System.Globalization;
using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Dictionary;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Grains.Users;

/// <summary>
/// Turns a user's reply items (attribute name → value text, FreeRADIUS style, <c>Name:tag</c> for tagged
/// attributes) into encoded reply attributes through the dictionary.
/// </summary>
public static class ReplyItems
{
    private const uint MicrosoftVendorId = 311;

    /// <summary>Everything wrong with <paramref name="items"/>, one message per item.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string>? items, RadiusDictionary? dictionary = null)
    {
        var problems = new List<string>();
        _ = Compile(items, dictionary ?? RadiusDictionary.Standard, problems);
        return problems;
    }

    /// <summary>Encodes <paramref name="items"/>; items that cannot be encoded are left out and described in <paramref name="problems"/>.</summary>
    public static List<ReplyAttribute> Compile(IReadOnlyDictionary<string, string>? items, RadiusDictionary dictionary, List<string>? problems = null)
    {
        var attributes = new List<ReplyAttribute>();
        if (items is null)
        {
            return attributes;
        }

        foreach (var (name, text) in items.OrderBy(item => item.Key, StringComparer.OrdinalIgnoreCase))
        {
            var error = TryCompile(name, text, dictionary, out var attribute);
            if (error is null)
            {
                attributes.Add(attribute!);
            }
            else
            {
                problems?.Add($"{name}: {error}");
            }
        }

        return attributes;
    }

    private static string? TryCompile(string name, string text, RadiusDictionary dictionary, out ReplyAttribute? attribute)
    {
        attribute = null;
        var attributeName = name;
        byte tag = 0;
        var colon = name.LastIndexOf(':');
        if (colon > 0)
        {
            if (!byte.TryParse(name.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out tag) || tag is 0 or > RadiusTaggedValue.MaxTag)
            {
                return "the tag after ':' must be 1–31";
            }

            attributeName = name[..colon];
        }

        if (!dictionary.TryGetAttribute(attributeName, out var definition))
        {
            return "no such attribute in the dictionary";
        }

        if (definition.Path.Depth != 1 || definition.Path.ExtendedParent != 0 || definition.Number > byte.MaxValue)
        {
            return "extended and nested attributes are not supported as reply items";
        }

        if (colon > 0 && !definition.HasTag)
        {
            return "this attribute takes no tag";
        }

        // Dictionaries declare named values on plain integer attributes (Tunnel-Type = VLAN), so an integer is
        // parsed as an enum: a number, or a VALUE name of that attribute.
        var parseAs = definition.Type == RadiusDataType.Integer ? RadiusDataType.Enum : definition.Type;
        Span<byte> value = stackalloc byte[RadiusPacket.MaxAttributeValueLength];
        if (!RadiusValueText.TryParse(parseAs, text, value, out var length, EnumLookup(dictionary, definition)))
        {
            return $"'{text}' is not a valid {definition.TypeName} value";
        }

        var encryption = ReplyEncryption.None;
        switch (definition.Encrypt)
        {
            case EncryptMethod.None:
                break;
            case EncryptMethod.TunnelPassword when definition.VendorId == 0 && definition.HasTag:
                encryption = ReplyEncryption.TunnelPassword;
                break;
            case EncryptMethod.TunnelPassword when definition.VendorId == MicrosoftVendorId:
                encryption = ReplyEncryption.MicrosoftSalt;
                break;
            default:
                return $"encryption method {definition.Encrypt} is not supported in replies";
        }

        Span<byte> tagged = stackalloc byte[RadiusPacket.MaxAttributeValueLength];
        ReadOnlySpan<byte> payload = value[..length];
        if (definition.HasTag)
        {
            var written = 0;
            var ok = definition.Type is RadiusDataType.Integer or RadiusDataType.Enum
                ? RadiusValueCodec.TryDecodeUInt32(payload, out var integer) && RadiusTaggedValue.TryWriteInteger(tag, integer, tagged, out written)
                : TryWriteTaggedString(tag, payload, tagged, encryption, out written);
            if (!ok)
            {
                return "the value does not fit a tagged attribute";
            }

            payload = tagged[..written];
        }

        var encoded = definition.VendorId == 0
            ? EncodeStandard((byte)definition.Number, payload)
            : EncodeVendor(dictionary, definition, payload);
        if (encoded is null)
        {
            return "the value is too long for one attribute";
        }

        attribute = new ReplyAttribute(encoded, encryption);
        return null;
    }

    // Tunnel-Password always carries its tag byte (0 when untagged); other tagged strings only when tagged.
    private static bool TryWriteTaggedString(byte tag, ReadOnlySpan<byte> data, Span<byte> destination, ReplyEncryption encryption, out int written)
    {
        if (encryption == ReplyEncryption.TunnelPassword || tag != 0)
        {
            written = data.Length + 1;
            if (written > destination.Length)
            {
                return false;
            }

            destination[0] = tag;
            data.CopyTo(destination[1..]);
            return true;
        }

        return RadiusTaggedValue.TryWriteString(0, data, destination, out written);
    }

    private static Func<string, uint?> EnumLookup(RadiusDictionary dictionary, AttributeDefinition definition) =>
        valueName => dictionary.TryGetValue(definition, valueName, out var number) ? number : null;

    private static byte[]? EncodeStandard(byte type, ReadOnlySpan<byte> value)
    {
        if (value.Length > RadiusPacket.MaxAttributeValueLength)
        {
            return null;
        }

        var encoded = new byte[value.Length + 2];
        encoded[0] = type;
        encoded[1] = (byte)encoded.Length;
        value.CopyTo(encoded.AsSpan(2));
        return encoded;
    }

    private static byte[]? EncodeVendor(RadiusDictionary dictionary, AttributeDefinition definition, ReadOnlySpan<byte> value)
    {
        var format = RadiusVendorFormat.Default;
        if (dictionary.TryGetVendor(definition.VendorId, out var vendor)
            && !RadiusVendorFormat.TryCreate(vendor.TypeLength, vendor.LengthLength, vendor.HasContinuation, out format))
        {
            return null;
        }

        Span<byte> vsa = stackalloc byte[RadiusPacket.MaxAttributeValueLength];
        var writer = new RadiusVendorSpecificWriter(vsa, definition.VendorId, format);
        if (!writer.TryWrite(definition.Number, value))
        {
            return null;
        }

        return EncodeStandard((byte)RadiusAttributeType.VendorSpecific, writer.Written);
    }
}
