using System.Collections.Frozen;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>
/// Attribute, vendor and value names of RADIUS, looked up by name (without case) or by number. Immutable once
/// built, so any number of threads may read it.
/// </summary>
public sealed class RadiusDictionary
{
    private static readonly Lazy<RadiusDictionary> StandardDictionary = new(LoadStandard);

    private readonly AttributeDefinition?[] _standard = new AttributeDefinition?[256];
    private readonly FrozenDictionary<string, AttributeDefinition> _attributesByName;
    private readonly FrozenDictionary<AttributePath, AttributeDefinition> _attributesByPath;

    // Keyed (vendor id << 32 | vendor type) and (parent << 8 | extended type): the two hot wire lookups
    // then need no path allocation.
    private readonly FrozenDictionary<ulong, AttributeDefinition> _vendorAttributes;
    private readonly FrozenDictionary<ushort, AttributeDefinition> _extendedAttributes;
    private readonly FrozenDictionary<string, VendorDefinition> _vendorsByName;
    private readonly FrozenDictionary<uint, VendorDefinition> _vendorsById;
    private readonly FrozenDictionary<AttributePath, ValueSet> _values;

    internal RadiusDictionary(
        IReadOnlyList<VendorDefinition> vendors,
        IReadOnlyDictionary<uint, VendorDefinition> vendorsById,
        IReadOnlyList<AttributeDefinition> attributes,
        IReadOnlyDictionary<string, AttributeDefinition> attributesByName,
        IReadOnlyDictionary<AttributePath, AttributeDefinition> attributesByPath,
        IReadOnlyDictionary<AttributePath, IReadOnlyList<(string Name, uint Number)>> values)
    {
        Vendors = vendors.ToArray().AsReadOnly();
        Attributes = attributes.ToArray().AsReadOnly();
        _vendorsByName = vendors.ToFrozenDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
        _vendorsById = vendorsById.ToFrozenDictionary();
        _attributesByName = attributesByName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _attributesByPath = attributesByPath.ToFrozenDictionary();

        var vendorAttributes = new Dictionary<ulong, AttributeDefinition>();
        var extendedAttributes = new Dictionary<ushort, AttributeDefinition>();
        foreach (var (path, attribute) in attributesByPath)
        {
            if (path.Depth == 1 && path.IsVendorSpecific && path.ExtendedParent == 0)
            {
                vendorAttributes[((ulong)path.VendorId << 32) | path.Number] = attribute;
            }
            else if (path.Depth == 1 && !path.IsVendorSpecific && path.Number <= byte.MaxValue)
            {
                _standard[path.Number] = attribute;
            }
            else if (path.Depth == 2 && !path.IsVendorSpecific && path.Numbers[0] <= byte.MaxValue)
            {
                extendedAttributes[(ushort)((path.Numbers[0] << 8) | path.Number)] = attribute;
            }
        }

        _vendorAttributes = vendorAttributes.ToFrozenDictionary();
        _extendedAttributes = extendedAttributes.ToFrozenDictionary();
        _values = values.ToFrozenDictionary(
            pair => pair.Key,
            pair => new ValueSet(attributesByPath[pair.Key], pair.Value));
    }

    /// <summary>The built-in dictionary of the RADIUS RFCs and Microsoft's RFC 2548 attributes, loaded once.</summary>
    public static RadiusDictionary Standard => StandardDictionary.Value;

    /// <summary>A dictionary with nothing in it.</summary>
    public static RadiusDictionary Empty { get; } = new RadiusDictionaryBuilder().Build().Dictionary;

    /// <summary>Every vendor, in definition order (aliases of one id included).</summary>
    public IReadOnlyList<VendorDefinition> Vendors { get; }

    /// <summary>Every attribute, in definition order (aliases of one number included).</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; }

    /// <summary>Loads a dictionary file and its whole <c>$INCLUDE</c> tree.</summary>
    public static DictionaryLoadResult LoadFromFile(string path) => new RadiusDictionaryBuilder().AddFile(path).Build();

    /// <summary>Parses dictionary text on its own; <paramref name="sourceName"/> names it in errors.</summary>
    public static DictionaryLoadResult Parse(string text, string sourceName) =>
        new RadiusDictionaryBuilder().AddText(text, sourceName).Build();

    public bool TryGetAttribute(string name, out AttributeDefinition attribute) => _attributesByName.TryGetValue(name, out attribute!);

    /// <summary>A top-level attribute of the IETF space, by its wire type octet.</summary>
    public bool TryGetAttribute(byte type, out AttributeDefinition attribute)
    {
        attribute = _standard[type]!;
        return attribute is not null;
    }

    /// <summary>Any attribute by its full path (TLV members, evs vendors, internal numbers above 255).</summary>
    public bool TryGetAttribute(AttributePath path, out AttributeDefinition attribute) => _attributesByPath.TryGetValue(path, out attribute!);

    /// <summary>A Vendor-Specific (26) sub-attribute.</summary>
    public bool TryGetVendorAttribute(uint vendorId, uint vendorType, out AttributeDefinition attribute) =>
        _vendorAttributes.TryGetValue(((ulong)vendorId << 32) | vendorType, out attribute!);

    /// <summary>An RFC 6929 extended attribute, e.g. (241, 1) for Frag-Status.</summary>
    public bool TryGetExtendedAttribute(byte parentType, byte extendedType, out AttributeDefinition attribute) =>
        _extendedAttributes.TryGetValue((ushort)((parentType << 8) | extendedType), out attribute!);

    /// <summary>A member of a TLV or extended attribute.</summary>
    public bool TryGetChild(AttributeDefinition parent, uint number, out AttributeDefinition child) =>
        _attributesByPath.TryGetValue(parent.Path.Append(number), out child!);

    public bool TryGetVendor(string name, out VendorDefinition vendor) => _vendorsByName.TryGetValue(name, out vendor!);

    public bool TryGetVendor(uint id, out VendorDefinition vendor) => _vendorsById.TryGetValue(id, out vendor!);

    /// <summary>The number of a named value, e.g. Acct-Status-Type "Start" is 1.</summary>
    public bool TryGetValue(AttributeDefinition attribute, string name, out uint value)
    {
        if (_values.TryGetValue(attribute.Path, out var set) && set.ByName.TryGetValue(name, out var definition))
        {
            value = definition.Number;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The name of a value; when several names share it, the one defined last.</summary>
    public bool TryGetValueName(AttributeDefinition attribute, uint value, out string name)
    {
        if (_values.TryGetValue(attribute.Path, out var set) && set.ByNumber.TryGetValue(value, out var definition))
        {
            name = definition.Name;
            return true;
        }

        name = "";
        return false;
    }

    /// <summary>The named values of an attribute, in definition order; empty when it has none.</summary>
    public IReadOnlyList<ValueDefinition> GetValues(AttributeDefinition attribute) =>
        _values.TryGetValue(attribute.Path, out var set) ? set.All : [];

    internal static DictionaryLoadResult LoadStandardResult()
    {
        var builder = new RadiusDictionaryBuilder();
        new DictionaryParser(new EmbeddedDictionarySource(), builder).ParseRoot("dictionary.dict");
        return builder.Build();
    }

    private static RadiusDictionary LoadStandard()
    {
        var result = LoadStandardResult();

        // The embedded files ship with the assembly and are tested to load cleanly: an error is a build defect.
        return result.Succeeded
            ? result.Dictionary
            : throw new InvalidOperationException("The built-in RADIUS dictionary is invalid: " + string.Join("; ", result.Errors));
    }

    private sealed class ValueSet
    {
        public ValueSet(AttributeDefinition attribute, IReadOnlyList<(string Name, uint Number)> values)
        {
            var all = new ValueDefinition[values.Count];
            var byNumber = new Dictionary<uint, ValueDefinition>();
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = new ValueDefinition(attribute, values[i].Name, values[i].Number);

                // Later names win for number to name, as in FreeRADIUS.
                byNumber[all[i].Number] = all[i];
            }

            All = all.AsReadOnly();
            ByName = all.ToFrozenDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
            ByNumber = byNumber.ToFrozenDictionary();
        }

        public IReadOnlyList<ValueDefinition> All { get; }

        public FrozenDictionary<string, ValueDefinition> ByName { get; }

        public FrozenDictionary<uint, ValueDefinition> ByNumber { get; }
    }
}
