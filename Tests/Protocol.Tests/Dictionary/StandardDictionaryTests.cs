using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Dictionary;

namespace Orleans.Radius.Protocol.Tests.Dictionary;

public class StandardDictionaryTests
{
    private static RadiusDictionary Standard => RadiusDictionary.Standard;

    [Fact]
    public void Embedded_files_load_without_errors()
    {
        var result = RadiusDictionary.LoadStandardResult();
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Same(Standard, RadiusDictionary.Standard);
    }

    [Fact]
    public void User_name_resolves_by_name_and_number()
    {
        Assert.True(Standard.TryGetAttribute("user-name", out var byName));
        Assert.Equal(AttributePath.Standard(1), byName.Path);
        Assert.Equal(RadiusDataType.Text, byName.Type);
        Assert.True(Standard.TryGetAttribute((byte)1, out var byNumber));
        Assert.Equal("User-Name", byNumber.Name);
    }

    [Fact]
    public void Acct_status_type_values_resolve_both_ways()
    {
        Assert.True(Standard.TryGetAttribute("Acct-Status-Type", out var status));
        Assert.True(Standard.TryGetValue(status, "start", out var start));
        Assert.Equal(1u, start);
        Assert.True(Standard.TryGetValueName(status, 1, out var name));
        Assert.Equal("Start", name);
        Assert.True(Standard.TryGetValue(status, "Tunnel-Link-Reject", out var tunnel));
        Assert.Equal(14u, tunnel);
        Assert.False(Standard.TryGetValueName(status, 99, out _));
        Assert.Contains(Standard.GetValues(status), v => v.Name == "Interim-Update" && v.Number == 3);
    }

    [Fact]
    public void Microsoft_attributes_resolve_by_vendor_and_type()
    {
        Assert.True(Standard.TryGetVendor("microsoft", out var microsoft));
        Assert.Equal(311u, microsoft.Id);
        Assert.True(Standard.TryGetVendor(311, out var byId));
        Assert.Equal("Microsoft", byId.Name);

        Assert.True(Standard.TryGetVendorAttribute(311, 26, out var success));
        Assert.Equal("MS-CHAP2-Success", success.Name);
        Assert.True(Standard.TryGetAttribute("MS-CHAP2-Success", out var byName));
        Assert.Equal(AttributePath.Vendor(311, 26), byName.Path);
        Assert.Equal("26.311.26", byName.Path.ToString());

        Assert.True(Standard.TryGetAttribute("MS-CHAP2-Response", out var response));
        Assert.Equal(50, response.FixedLength);
        Assert.True(Standard.TryGetVendorAttribute(311, 11, out var challenge));
        Assert.Equal("MS-CHAP-Challenge", challenge.Name);
    }

    [Theory]
    [InlineData("MS-MPPE-Send-Key")]
    [InlineData("MS-MPPE-Recv-Key")]
    public void Mppe_keys_use_tunnel_password_hiding(string name)
    {
        Assert.True(Standard.TryGetAttribute(name, out var key));
        Assert.Equal(EncryptMethod.TunnelPassword, key.Encrypt);
        Assert.False(key.HasTag);
    }

    [Fact]
    public void Password_attributes_carry_their_flags()
    {
        Assert.True(Standard.TryGetAttribute("Tunnel-Password", out var tunnel));
        Assert.True(tunnel.HasTag);
        Assert.Equal(EncryptMethod.TunnelPassword, tunnel.Encrypt);
        Assert.True(Standard.TryGetAttribute("User-Password", out var user));
        Assert.Equal(EncryptMethod.UserPassword, user.Encrypt);
        Assert.True(Standard.TryGetAttribute("EAP-Message", out var eap));
        Assert.True(eap.IsConcat);
    }

    [Fact]
    public void Extended_attributes_resolve_by_parent_and_type()
    {
        Assert.True(Standard.TryGetAttribute((byte)241, out var container));
        Assert.Equal(RadiusDataType.Extended, container.Type);
        Assert.True(Standard.TryGetAttribute((byte)245, out var longContainer));
        Assert.Equal(RadiusDataType.LongExtended, longContainer.Type);
        Assert.True(Standard.TryGetExtendedAttribute(241, 1, out var fragStatus));
        Assert.Equal("Frag-Status", fragStatus.Name);
        Assert.True(Standard.TryGetChild(container, 26, out var evs));
        Assert.Equal(RadiusDataType.ExtendedVendorSpecific, evs.Type);
        Assert.Equal("Extended-Vendor-Specific-1", evs.Name);
    }

    [Fact]
    public void Enumerated_rfc_attributes_have_values()
    {
        string[] enumerated =
        [
            "Service-Type", "Framed-Protocol", "Acct-Status-Type", "Acct-Terminate-Cause", "NAS-Port-Type",
            "Tunnel-Type", "Tunnel-Medium-Type", "Error-Cause", "MS-MPPE-Encryption-Policy", "MS-MPPE-Encryption-Types",
        ];
        foreach (var name in enumerated)
        {
            Assert.True(Standard.TryGetAttribute(name, out var attribute), name);
            Assert.NotEmpty(Standard.GetValues(attribute));
        }
    }
}
