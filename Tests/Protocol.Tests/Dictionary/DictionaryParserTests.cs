using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Dictionary;

namespace Orleans.Radius.Protocol.Tests.Dictionary;

public class DictionaryParserTests
{
    private const string Sample = """
        # a site dictionary
        VENDOR      Example      32473   format=2,1
        ATTRIBUTE   Site-Name    3000    string   # internal number above 255
        ATTRIBUTE   Site-Mode    3001    integer
        VALUE       Site-Mode    Open    1
        VALUE       Site-Mode    Closed  0x02
        BEGIN-VENDOR Example
        ATTRIBUTE   Example-Group   1    tlv
        ATTRIBUTE   Example-Member  1.2  ipaddr  array
        ATTRIBUTE   Example-Wide    300  octets
        END-VENDOR  Example
        """;

    [Theory]
    [InlineData("integer", RadiusDataType.Integer)]
    [InlineData("uint32", RadiusDataType.Integer)]
    [InlineData("string", RadiusDataType.Text)]
    [InlineData("String", RadiusDataType.Text)]
    [InlineData("octets", RadiusDataType.Octets)]
    [InlineData("abinary", RadiusDataType.Octets)]
    [InlineData("ipaddr", RadiusDataType.IPv4Address)]
    [InlineData("ipv6addr", RadiusDataType.IPv6Address)]
    [InlineData("ipv6prefix", RadiusDataType.IPv6Prefix)]
    [InlineData("ipv4prefix", RadiusDataType.IPv4Prefix)]
    [InlineData("ifid", RadiusDataType.InterfaceId)]
    [InlineData("date", RadiusDataType.Time)]
    [InlineData("integer64", RadiusDataType.Integer64)]
    [InlineData("byte", RadiusDataType.Byte)]
    [InlineData("uint8", RadiusDataType.Byte)]
    [InlineData("short", RadiusDataType.Short)]
    [InlineData("uint16", RadiusDataType.Short)]
    [InlineData("signed", RadiusDataType.Signed)]
    [InlineData("ether", RadiusDataType.Ether)]
    [InlineData("combo-ip", RadiusDataType.ComboIPAddress)]
    [InlineData("tlv", RadiusDataType.Tlv)]
    [InlineData("vsa", RadiusDataType.Vsa)]
    [InlineData("extended", RadiusDataType.Extended)]
    [InlineData("long-extended", RadiusDataType.LongExtended)]
    [InlineData("evs", RadiusDataType.ExtendedVendorSpecific)]
    public void Maps_every_freeradius_type(string typeName, RadiusDataType expected)
    {
        var attribute = ParseOne($"ATTRIBUTE Test-Attribute 200 {typeName}");
        Assert.Equal(expected, attribute.Type);
        Assert.Equal(typeName.ToLowerInvariant(), attribute.TypeName);
    }

    [Fact]
    public void Fixed_size_octets_keep_their_length()
    {
        var attribute = ParseOne("ATTRIBUTE Test-Fixed 200 octets[16]");
        Assert.Equal(RadiusDataType.Octets, attribute.Type);
        Assert.Equal(16, attribute.FixedLength);
    }

    [Theory]
    [InlineData("ATTRIBUTE T 200 octets[0]", "invalid size")]
    [InlineData("ATTRIBUTE T 200 octets[254]", "invalid size")]
    [InlineData("ATTRIBUTE T 200 string[3]", "only \"octets[N]\"")]
    [InlineData("ATTRIBUTE T 200 float", "unknown data type \"float\"")]
    [InlineData("ATTRIBUTE T 200 integer bogus", "unknown flag \"bogus\"")]
    [InlineData("ATTRIBUTE T 200 string encrypt=4", "invalid flag")]
    [InlineData("ATTRIBUTE T 200 string concat", "concat")]
    [InlineData("ATTRIBUTE T 200 octets encrypt=3", "encrypt=3")]
    [InlineData("ATTRIBUTE T 2x0 integer", "invalid attribute number")]
    [InlineData("ATTRIBUTE T 200", "ATTRIBUTE needs")]
    [InlineData("ATTRIBUTE T 200 integer has_tag extra", "ATTRIBUTE needs")]
    [InlineData("ATTRIBUTE Bad=Name 200 integer", "invalid attribute name")]
    [InlineData("ATTRIBUTE T 1.2 integer", "parent 1 of T is not defined")]
    [InlineData("ATTRIBUTE T 1.256 integer", "nested numbers must be 0-255")]
    [InlineData("VALUE Nothing Here 1", "undefined attribute \"Nothing\"")]
    [InlineData("VALUE Nothing Here -1", "invalid value number")]
    [InlineData("VENDOR V 16777216", "invalid vendor number")]
    [InlineData("VENDOR V 9 format=3,1", "invalid vendor format")]
    [InlineData("VENDOR V 9 format=2,1,c", "continuation")]
    [InlineData("BEGIN-VENDOR Nobody", "unknown vendor \"Nobody\"")]
    [InlineData("END-VENDOR Nobody", "without a matching BEGIN-VENDOR")]
    [InlineData("BEGIN-TLV Nobody", "unknown attribute")]
    [InlineData("END-TLV Nobody", "without a matching BEGIN-TLV")]
    [InlineData("FROBNICATE x", "unknown keyword \"FROBNICATE\"")]
    [InlineData("$INCLUDE other", "cannot include \"other\"")]
    public void Reports_a_bad_line_with_file_line_and_reason(string line, string reason)
    {
        var result = RadiusDictionary.Parse($"# first line\n{line}\n", "site.dict");
        var error = Assert.Single(result.Errors);
        Assert.Equal("site.dict", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal($"site.dict:2: {error.Message}", error.ToString());
    }

    [Fact]
    public void Reports_every_error_and_keeps_the_good_lines()
    {
        var result = RadiusDictionary.Parse("""
            ATTRIBUTE Good-One 200 integer
            ATTRIBUTE Bad-One 201 float
            ATTRIBUTE Good-Two 202 string
            VALUE Good-One Name 1x
            """, "mixed");
        Assert.Equal([2, 4], result.Errors.Select(e => e.Line));
        Assert.True(result.Dictionary.TryGetAttribute("Good-Two", out _));
        Assert.False(result.Dictionary.TryGetAttribute("Bad-One", out _));
    }

    [Fact]
    public void Parses_every_flag()
    {
        var result = RadiusDictionary.Parse("""
            ATTRIBUTE Tagged 200 string has_tag,encrypt=2
            ATTRIBUTE Hidden 201 string encrypt=1
            ATTRIBUTE Ascend 202 string encrypt=3
            ATTRIBUTE Many 203 ipaddr array
            ATTRIBUTE Joined 204 octets concat
            ATTRIBUTE Computed 3000 string virtual
            ATTRIBUTE Private 3001 integer internal
            ATTRIBUTE Hush 3002 string secret
            ATTRIBUTE Tagged-Too 205 integer has_tag=1
            """, "flags");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var d = result.Dictionary;
        Assert.True(Get(d, "Tagged").HasTag);
        Assert.Equal(EncryptMethod.TunnelPassword, Get(d, "Tagged").Encrypt);
        Assert.Equal(EncryptMethod.UserPassword, Get(d, "Hidden").Encrypt);
        Assert.Equal(EncryptMethod.AscendSecret, Get(d, "Ascend").Encrypt);
        Assert.True(Get(d, "Many").IsArray);
        Assert.True(Get(d, "Joined").IsConcat);
        Assert.True(Get(d, "Computed").IsVirtual);
        Assert.True(Get(d, "Private").IsInternal);
        Assert.True(Get(d, "Hush").IsSecret);
        Assert.True(Get(d, "Tagged-Too").HasTag);
        Assert.Equal(EncryptMethod.None, Get(d, "Many").Encrypt);
    }

    [Fact]
    public void Parses_vendors_values_tlvs_and_comments()
    {
        var result = RadiusDictionary.Parse(Sample, "sample");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var d = result.Dictionary;

        Assert.True(d.TryGetVendor("EXAMPLE", out var vendor));
        Assert.Equal(new VendorDefinition("Example", 32473, TypeLength: 2, LengthLength: 1), vendor);
        Assert.Equal(ushort.MaxValue, vendor.MaxType);

        Assert.Equal(AttributePath.Standard(3000), Get(d, "Site-Name").Path);
        Assert.True(d.TryGetValue(Get(d, "Site-Mode"), "closed", out var closed));
        Assert.Equal(2u, closed);

        Assert.True(d.TryGetVendorAttribute(32473, 300, out var wide));
        Assert.Equal("Example-Wide", wide.Name);
        Assert.True(d.TryGetChild(Get(d, "Example-Group"), 2, out var member));
        Assert.Equal("Example-Member", member.Name);
        Assert.Equal(AttributePath.Vendor(32473, 1, 2), member.Path);
        Assert.Equal("26.32473.1.2", member.Path.ToString());
        Assert.Equal(AttributePath.Vendor(32473, 1), member.Path.Parent);
    }

    [Fact]
    public void Parses_vendor_formats()
    {
        var result = RadiusDictionary.Parse("""
            VENDOR USR 429 format=4,0
            VENDOR WiMAX 24757 format=1,1,c
            VENDOR Starent 8164 format=2,2
            BEGIN-VENDOR USR
            ATTRIBUTE USR-Big 0xBF38 integer
            END-VENDOR USR
            """, "formats");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var d = result.Dictionary;
        Assert.True(d.TryGetVendor(429, out var usr));
        Assert.Equal((4, 0, false), (usr.TypeLength, usr.LengthLength, usr.HasContinuation));
        Assert.True(d.TryGetVendor("wimax", out var wimax));
        Assert.True(wimax.HasContinuation);
        Assert.True(d.TryGetVendorAttribute(429, 0xBF38, out var big));
        Assert.Equal("USR-Big", big.Name);
    }

    [Fact]
    public void Refuses_a_vendor_attribute_wider_than_the_type_field()
    {
        var result = RadiusDictionary.Parse("VENDOR V 9\nBEGIN-VENDOR V\nATTRIBUTE V-Wide 256 integer\nEND-VENDOR V", "narrow");
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("1-octet type field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_extended_and_extended_vendor_attributes()
    {
        var result = RadiusDictionary.Parse("""
            ATTRIBUTE Extended-Attribute-1 241 extended
            ATTRIBUTE Extended-Attribute-5 245 long-extended
            ATTRIBUTE Extended-Vendor-Specific-5 245.26 evs
            ATTRIBUTE Port-Info 241.5 tlv
            ATTRIBUTE Port-Number 241.5.1 integer
            VENDOR FreeRADIUS 11344
            BEGIN-VENDOR FreeRADIUS format=Extended-Vendor-Specific-5
            ATTRIBUTE FreeRADIUS-Anonce 1 octets # really 32 octets
            END-VENDOR FreeRADIUS
            """, "extended");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var d = result.Dictionary;
        Assert.True(d.TryGetExtendedAttribute(241, 5, out var portInfo));
        Assert.True(d.TryGetChild(portInfo, 1, out var portNumber));
        Assert.Equal("Port-Number", portNumber.Name);
        Assert.Equal("241.5.1", portNumber.Path.ToString());

        var anonce = Get(d, "FreeRADIUS-Anonce");
        Assert.Equal(AttributePath.ExtendedVendor(245, 11344, 1), anonce.Path);
        Assert.Equal("245.26.11344.1", anonce.Path.ToString());
        Assert.False(d.TryGetVendorAttribute(11344, 1, out _));
    }

    [Fact]
    public void Extended_vendor_block_needs_its_evs_attribute()
    {
        var result = RadiusDictionary.Parse("VENDOR V 9\nBEGIN-VENDOR V format=Extended-Vendor-Specific-1\nEND-VENDOR V", "evs");
        Assert.Equal(2, result.Errors[0].Line);
        Assert.Contains("241.26", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_tlv_blocks_number_their_members_below_the_tlv()
    {
        var result = RadiusDictionary.Parse("""
            VENDOR WiMAX 24757 format=1,1,c
            BEGIN-VENDOR WiMAX
            ATTRIBUTE WiMAX-Capability 1 tlv
            BEGIN-TLV WiMAX-Capability
            ATTRIBUTE WiMAX-Release 1 string
            END-TLV WiMAX-Capability
            END-VENDOR WiMAX
            """, "tlv");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(AttributePath.Vendor(24757, 1, 1), Get(result.Dictionary, "WiMAX-Release").Path);
    }

    [Fact]
    public void Refuses_a_dotted_child_of_a_non_tlv()
    {
        var result = RadiusDictionary.Parse("ATTRIBUTE Plain 200 integer\nATTRIBUTE Child 200.1 integer", "child");
        Assert.Contains("not tlv", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_old_vendor_flag()
    {
        var result = RadiusDictionary.Parse("VENDOR Old 77\nATTRIBUTE Old-Thing 5 string Old", "old");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Dictionary.TryGetVendorAttribute(77, 5, out _));
    }

    [Fact]
    public void Reports_blocks_left_open_at_their_begin_line()
    {
        var result = RadiusDictionary.Parse("VENDOR V 9\nBEGIN-VENDOR V\nATTRIBUTE V-One 1 integer\n", "open");
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_other_protocols()
    {
        var result = RadiusDictionary.Parse("""
            PROTOCOL DHCPv4 2
            BEGIN-PROTOCOL DHCPv4
            ATTRIBUTE DHCP-Whatever 1 uint8
            FOO anything goes here
            END-PROTOCOL DHCPv4
            BEGIN-PROTOCOL RADIUS
            ATTRIBUTE User-Name 1 string
            END-PROTOCOL RADIUS
            """, "protocols");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.False(result.Dictionary.TryGetAttribute("DHCP-Whatever", out _));
        Assert.Equal("User-Name", Get(result.Dictionary, "user-name").Name);
    }

    [Fact]
    public void Values_may_precede_their_attribute_and_later_names_win_by_number()
    {
        var result = RadiusDictionary.Parse("""
            VALUE Mode Early 5
            ATTRIBUTE Mode 200 integer
            VALUE Mode Old-Name 1
            VALUE Mode New-Name 1
            VALUE Mode New-Name 1
            """, "values");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var mode = Get(result.Dictionary, "Mode");
        Assert.True(result.Dictionary.TryGetValue(mode, "old-name", out var old));
        Assert.Equal(1u, old);
        Assert.True(result.Dictionary.TryGetValue(mode, "Early", out var early));
        Assert.Equal(5u, early);
        Assert.True(result.Dictionary.TryGetValueName(mode, 1, out var name));
        Assert.Equal("New-Name", name);
        Assert.Equal(3, result.Dictionary.GetValues(mode).Count);
    }

    [Fact]
    public void Refuses_conflicting_and_out_of_range_values()
    {
        var result = RadiusDictionary.Parse("""
            ATTRIBUTE Mode 200 integer
            VALUE Mode One 1
            VALUE Mode One 2
            ATTRIBUTE Small 201 byte
            VALUE Small Big 256
            ATTRIBUTE Where 202 ipaddr
            VALUE Where Home 1
            """, "values");
        Assert.Equal([3, 5, 7], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Redefinitions_follow_freeradius()
    {
        var result = RadiusDictionary.Parse("""
            ATTRIBUTE Client-Id 4 ipaddr
            ATTRIBUTE NAS-IP-Address 4 ipaddr
            ATTRIBUTE Thing 200 string
            ATTRIBUTE Thing 200 octets
            ATTRIBUTE Thing 201 octets
            VENDOR Acme 99
            VENDOR Acme 99
            VENDOR Acme 98
            VENDOR Acme-Alias 99
            """, "redefine");
        Assert.Equal([5, 8], result.Errors.Select(e => e.Line));
        var d = result.Dictionary;
        Assert.True(d.TryGetAttribute((byte)4, out var four));
        Assert.Equal("NAS-IP-Address", four.Name);
        Assert.Equal(AttributePath.Standard(4), Get(d, "Client-Id").Path);
        Assert.Equal(RadiusDataType.Octets, Get(d, "Thing").Type);
        Assert.Equal(AttributePath.Standard(200), Get(d, "Thing").Path);
        Assert.True(d.TryGetVendor(99, out var acme));
        Assert.Equal("Acme-Alias", acme.Name);
        Assert.True(d.TryGetVendor("Acme", out _));
    }

    [Fact]
    public void Builder_merges_the_standard_dictionary_with_site_definitions()
    {
        var result = new RadiusDictionaryBuilder()
            .AddStandard()
            .AddText(Sample, "site")
            .AddText("VALUE Service-Type Site-Special 240", "extra")
            .Build();
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var d = result.Dictionary;
        Assert.True(d.TryGetVendorAttribute(311, 26, out _));
        Assert.True(d.TryGetVendorAttribute(32473, 300, out _));
        Assert.True(d.TryGetValue(Get(d, "Service-Type"), "Framed-User", out var framed));
        Assert.Equal(2u, framed);
        Assert.True(d.TryGetValueName(Get(d, "Service-Type"), 240, out var special));
        Assert.Equal("Site-Special", special);
        Assert.False(RadiusDictionary.Standard.TryGetValueName(Get(RadiusDictionary.Standard, "Service-Type"), 240, out _));
    }

    [Fact]
    public void Every_truncation_of_a_dictionary_loads_without_throwing()
    {
        for (var length = 0; length <= Sample.Length; length++)
        {
            var result = RadiusDictionary.Parse(Sample[..length], "truncated");
            Assert.NotNull(result.Dictionary);
        }
    }

    private static AttributeDefinition ParseOne(string line)
    {
        var result = RadiusDictionary.Parse(line, "one");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return Assert.Single(result.Dictionary.Attributes);
    }

    private static AttributeDefinition Get(RadiusDictionary dictionary, string name)
    {
        Assert.True(dictionary.TryGetAttribute(name, out var attribute), name);
        return attribute;
    }
}
