using Orleans.Radius.Protocol.Attributes;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>
/// Collects dictionary sources (files, text, the built-in set, other dictionaries) in order and builds one
/// immutable <see cref="RadiusDictionary"/>.
/// </summary>
/// <remarks>
/// Re-definitions follow FreeRADIUS 3, so its own dictionary tree loads unchanged:
/// <list type="bullet">
/// <item>Attribute, same name and same number: the later definition replaces the type and flags.</item>
/// <item>Attribute, same name and another number: an error; the first definition stays.</item>
/// <item>Attribute, another name and the same number: both names resolve; number to name gives the later one.</item>
/// <item>Vendor, same name and id: kept once (an error if the formats differ); same name and another id: an error;
/// another name and the same id: both names resolve, id to name gives the later one.</item>
/// <item>VALUE, same name and number: ignored; same name and another number: an error; another name and the
/// same number: both names resolve, number to name gives the later one.</item>
/// <item>A VALUE may come before its ATTRIBUTE (even in a later file); it is resolved when building, so it
/// counts as defined last, as FreeRADIUS's fix-up pass does.</item>
/// </list>
/// </remarks>
public sealed class RadiusDictionaryBuilder
{
    private readonly Dictionary<string, VendorDefinition> _vendorsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<uint, VendorDefinition> _vendorsById = [];
    private readonly List<VendorDefinition> _vendors = [];
    private readonly Dictionary<string, AttributeDefinition> _attributesByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<AttributePath, AttributeDefinition> _attributesByPath = [];
    private readonly List<AttributeDefinition> _attributes = [];
    private readonly Dictionary<AttributePath, ValueTable> _values = [];
    private readonly List<PendingValue> _pendingValues = [];
    private readonly List<DictionaryError> _errors = [];

    /// <summary>Adds the built-in RFC and Microsoft dictionary.</summary>
    public RadiusDictionaryBuilder AddStandard() => AddDictionary(RadiusDictionary.Standard);

    /// <summary>Adds a dictionary file and every file it <c>$INCLUDE</c>s (relative to the including file).</summary>
    public RadiusDictionaryBuilder AddFile(string path)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            AddError(path, 0, $"invalid path: {e.Message}");
            return this;
        }

        new DictionaryParser(new FileDictionarySource(), this).ParseRoot(fullPath);
        return this;
    }

    /// <summary>Adds dictionary text; <paramref name="sourceName"/> names it in errors. <c>$INCLUDE</c> is refused.</summary>
    public RadiusDictionaryBuilder AddText(string text, string sourceName)
    {
        new DictionaryParser(new TextDictionarySource(sourceName, text), this).ParseRoot(sourceName);
        return this;
    }

    /// <summary>Adds every vendor, attribute and value of an already built dictionary, in its definition order.</summary>
    public RadiusDictionaryBuilder AddDictionary(RadiusDictionary dictionary)
    {
        const string Source = "(merged dictionary)";
        foreach (var vendor in dictionary.Vendors)
        {
            AddVendor(vendor, Source, 0);
        }

        foreach (var attribute in dictionary.Attributes)
        {
            AddAttribute(attribute, Source, 0);
            foreach (var value in dictionary.GetValues(attribute))
            {
                AddValue(attribute.Name, value.Name, value.Number, Source, 0);
            }
        }

        return this;
    }

    /// <summary>Builds the dictionary from everything added so far, with every error found on the way.</summary>
    public DictionaryLoadResult Build()
    {
        foreach (var pending in _pendingValues)
        {
            if (_attributesByName.TryGetValue(pending.Attribute, out var attribute))
            {
                AddResolvedValue(attribute, pending);
            }
            else
            {
                AddError(pending.File, pending.Line, $"VALUE {pending.Name} for undefined attribute \"{pending.Attribute}\"");
            }
        }

        _pendingValues.Clear();
        var values = new Dictionary<AttributePath, IReadOnlyList<(string Name, uint Number)>>();
        foreach (var (path, table) in _values)
        {
            values[path] = table.Order;
        }

        var dictionary = new RadiusDictionary(_vendors, _vendorsById, _attributes, _attributesByName, _attributesByPath, values);
        return new DictionaryLoadResult(dictionary, _errors.ToArray());
    }

    internal void AddError(string file, int line, string message) => _errors.Add(new DictionaryError(file, line, message));

    internal bool TryFindVendor(string name, out VendorDefinition vendor) => _vendorsByName.TryGetValue(name, out vendor!);

    internal bool TryFindAttribute(string name, out AttributeDefinition attribute) => _attributesByName.TryGetValue(name, out attribute!);

    internal bool TryFindAttribute(AttributePath path, out AttributeDefinition attribute) => _attributesByPath.TryGetValue(path, out attribute!);

    internal void AddVendor(VendorDefinition vendor, string file, int line)
    {
        if (_vendorsByName.TryGetValue(vendor.Name, out var existing))
        {
            if (existing.Id != vendor.Id)
            {
                AddError(file, line, $"vendor {vendor.Name} is already defined with number {existing.Id}");
            }
            else if (!existing.HasSameFormat(vendor))
            {
                AddError(file, line, $"vendor {vendor.Name} is already defined with another format");
            }

            return;
        }

        _vendorsByName.Add(vendor.Name, vendor);
        _vendorsById[vendor.Id] = vendor;
        _vendors.Add(vendor);
    }

    internal void AddAttribute(AttributeDefinition attribute, string file, int line)
    {
        if (_attributesByName.TryGetValue(attribute.Name, out var existing))
        {
            if (!existing.Path.Equals(attribute.Path))
            {
                AddError(file, line, $"attribute {attribute.Name} is already defined as {existing.Path}, not {attribute.Path}");
                return;
            }

            // Same name, same number: FreeRADIUS lets the later type and flags win.
            _attributes[_attributes.IndexOf(existing)] = attribute;
        }
        else
        {
            _attributes.Add(attribute);
        }

        _attributesByName[attribute.Name] = attribute;
        _attributesByPath[attribute.Path] = attribute;
    }

    internal void AddValue(string attributeName, string valueName, uint number, string file, int line)
    {
        var pending = new PendingValue(attributeName, valueName, number, file, line);
        if (_attributesByName.TryGetValue(attributeName, out var attribute))
        {
            AddResolvedValue(attribute, pending);
        }
        else
        {
            _pendingValues.Add(pending);
        }
    }

    private void AddResolvedValue(AttributeDefinition attribute, PendingValue pending)
    {
        var limit = attribute.Type switch
        {
            RadiusDataType.Byte => byte.MaxValue,
            RadiusDataType.Short => ushort.MaxValue,
            RadiusDataType.Integer or RadiusDataType.Enum or RadiusDataType.Signed or RadiusDataType.Integer64 => uint.MaxValue,

            // FreeRADIUS tolerates these for dictionary.cablelabs, which names leading-integer octets values.
            RadiusDataType.Octets => uint.MaxValue,
            _ => 0u,
        };
        if (limit == 0)
        {
            AddError(pending.File, pending.Line, $"VALUE {pending.Name}: attribute {attribute.Name} is of type {attribute.TypeName}, which has no named values");
            return;
        }

        if (pending.Number > limit)
        {
            AddError(pending.File, pending.Line, $"VALUE {pending.Name} = {pending.Number} does not fit {attribute.TypeName} attribute {attribute.Name}");
            return;
        }

        if (!_values.TryGetValue(attribute.Path, out var table))
        {
            table = new ValueTable();
            _values.Add(attribute.Path, table);
        }

        if (table.ByName.TryGetValue(pending.Name, out var existing))
        {
            if (existing != pending.Number)
            {
                AddError(pending.File, pending.Line, $"VALUE {pending.Name} of {attribute.Name} is already defined as {existing}");
            }

            return;
        }

        table.ByName.Add(pending.Name, pending.Number);
        table.Order.Add((pending.Name, pending.Number));
    }

    private sealed record PendingValue(string Attribute, string Name, uint Number, string File, int Line);

    private sealed class ValueTable
    {
        public Dictionary<string, uint> ByName { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<(string Name, uint Number)> Order { get; } = [];
    }
}
