using System.Globalization;
using Orleans.Radius.Protocol.Attributes;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>
/// Reads FreeRADIUS-format dictionary text line by line into a <see cref="RadiusDictionaryBuilder"/>,
/// following <c>$INCLUDE</c>s through an <see cref="IDictionarySource"/>. A bad line becomes a
/// <see cref="DictionaryError"/> and parsing carries on, so one load reports every problem.
/// </summary>
internal sealed class DictionaryParser(IDictionarySource source, RadiusDictionaryBuilder builder)
{
    // FreeRADIUS nests a handful of levels; anything deeper is a mistake, and the cap bounds recursion.
    private const int MaxIncludeDepth = 32;

    // The Debian tree is ~240 files; a cap stops a pathological tree that includes the same files over and over.
    private const int MaxFiles = 4096;

    // Deeper nesting than this has no use in RADIUS (WiMAX, the deepest, uses 5) and FreeRADIUS cannot pack it.
    private const int MaxOidDepth = 8;

    private readonly List<string> _includeStack = [];
    private int _filesRead;

    public void ParseRoot(string name) => ParseSource(name, includedFrom: null, includedAtLine: 0);

    private void ParseSource(string name, string? includedFrom, int includedAtLine)
    {
        var reportFile = includedFrom ?? name;
        if (_includeStack.Contains(name, StringComparer.Ordinal))
        {
            builder.AddError(reportFile, includedAtLine, $"include cycle: {string.Join(" -> ", _includeStack)} -> {name}");
            return;
        }

        if (_includeStack.Count >= MaxIncludeDepth)
        {
            builder.AddError(reportFile, includedAtLine, $"includes nested deeper than {MaxIncludeDepth} levels at {name}");
            return;
        }

        if (++_filesRead > MaxFiles)
        {
            builder.AddError(reportFile, includedAtLine, $"more than {MaxFiles} dictionary files read; not reading {name}");
            return;
        }

        if (!source.TryRead(name, out var text, out var readError))
        {
            builder.AddError(reportFile, includedAtLine, readError);
            return;
        }

        _includeStack.Add(name);
        ParseText(name, text);
        _includeStack.RemoveAt(_includeStack.Count - 1);
    }

    private void ParseText(string file, string text)
    {
        var state = new FileState(file);
        var tokens = new List<string>(8);
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            Tokenize(rawLine, tokens);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (state.SkippedProtocol is not null)
            {
                if (tokens.Count == 2 && Is(tokens[0], "END-PROTOCOL") && Is(tokens[1], state.SkippedProtocol))
                {
                    state.SkippedProtocol = null;
                    state.ProtocolLine = 0;
                }

                continue;
            }

            var error = ParseLine(tokens, state, lineNumber);
            if (error is not null)
            {
                builder.AddError(file, lineNumber, error);
            }
        }

        ReportUnclosedBlocks(state);
    }

    private string? ParseLine(List<string> tokens, FileState state, int line)
    {
        var keyword = tokens[0];
        return keyword.ToUpperInvariant() switch
        {
            "ATTRIBUTE" => ParseAttribute(tokens, state, line),
            "VALUE" => ParseValue(tokens, state, line),
            "VENDOR" => ParseVendor(tokens, state, line),
            "BEGIN-VENDOR" => ParseBeginVendor(tokens, state, line),
            "END-VENDOR" => ParseEndVendor(tokens, state),
            "BEGIN-TLV" => ParseBeginTlv(tokens, state, line),
            "END-TLV" => ParseEndTlv(tokens, state),
            "$INCLUDE" => ParseInclude(tokens, state, line, optional: false),
            "$INCLUDE-" => ParseInclude(tokens, state, line, optional: true),
            "PROTOCOL" => tokens.Count >= 3 ? null : "PROTOCOL needs a name and a number",
            "BEGIN-PROTOCOL" => ParseBeginProtocol(tokens, state, line),
            "END-PROTOCOL" => ParseEndProtocol(tokens, state),
            _ => $"unknown keyword \"{keyword}\"",
        };
    }

    private string? ParseAttribute(List<string> tokens, FileState state, int line)
    {
        if (tokens.Count is < 4 or > 5)
        {
            return "ATTRIBUTE needs: name number type [flags]";
        }

        var name = tokens[1];
        if (!IsValidName(name))
        {
            return $"invalid attribute name \"{name}\" (allowed: letters, digits, '-', '_', '.', '/')";
        }

        if (!DictionaryTypeNames.TryParse(tokens[3], out var type, out var fixedLength, out var typeError))
        {
            return typeError;
        }

        var definition = new AttributeDefinition
        {
            Name = name,
            Path = AttributePath.Standard(0),
            Type = type,
            TypeName = tokens[3].ToLowerInvariant(),
            FixedLength = fixedLength,
        };

        var vendor = state.Vendor;
        if (tokens.Count == 5)
        {
            var flagsError = ApplyFlags(tokens[4], state, ref definition, ref vendor);
            if (flagsError is not null)
            {
                return flagsError;
            }
        }

        var pathError = BuildPath(tokens[2], state, vendor, out var path);
        if (pathError is not null)
        {
            return pathError;
        }

        definition = definition with { Path = path };
        var ruleError = CheckRules(definition, path);
        if (ruleError is not null)
        {
            return ruleError;
        }

        builder.AddAttribute(definition, state.File, line);
        return null;
    }

    private string? ApplyFlags(string flags, FileState state, ref AttributeDefinition definition, ref VendorDefinition? vendor)
    {
        var parts = flags.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var flag in parts)
        {
            switch (flag)
            {
                case "has_tag" or "has_tag=1":
                    definition = definition with { HasTag = true };
                    break;
                case "array":
                    definition = definition with { IsArray = true };
                    break;
                case "concat":
                    definition = definition with { IsConcat = true };
                    break;
                case "virtual":
                    definition = definition with { IsVirtual = true };
                    break;
                case "internal":
                    definition = definition with { IsInternal = true };
                    break;
                case "secret":
                    definition = definition with { IsSecret = true };
                    break;
                default:
                    if (flag.StartsWith("encrypt=", StringComparison.Ordinal))
                    {
                        if (!byte.TryParse(flag.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var method) || method > 3)
                        {
                            return $"invalid flag \"{flag}\" (encrypt=1, 2 or 3)";
                        }

                        definition = definition with { Encrypt = (EncryptMethod)method };
                        break;
                    }

                    // Old dictionaries name the vendor in the flags column instead of using BEGIN-VENDOR.
                    if (parts.Length == 1 && state.Vendor is null && state.Tlvs.Count == 0
                        && builder.TryFindVendor(flag, out var flagVendor))
                    {
                        vendor = flagVendor;
                        break;
                    }

                    return $"unknown flag \"{flag}\"";
            }
        }

        return null;
    }

    private string? BuildPath(string oid, FileState state, VendorDefinition? vendor, out AttributePath path)
    {
        path = AttributePath.Standard(0);
        Span<uint> numbers = stackalloc uint[MaxOidDepth];
        var count = 0;
        foreach (var range in oid.AsSpan().Split('.'))
        {
            if (count == MaxOidDepth)
            {
                return $"attribute number \"{oid}\" is nested deeper than {MaxOidDepth} levels";
            }

            if (!TryParseNumber(oid.AsSpan()[range], out numbers[count]))
            {
                return $"invalid attribute number \"{oid}\"";
            }

            count++;
        }

        numbers = numbers[..count];
        if (state.Tlvs.Count > 0)
        {
            if (count != 1 || numbers[0] > byte.MaxValue)
            {
                return $"attribute number \"{oid}\" inside BEGIN-TLV must be one number 0-255";
            }

            path = state.Tlvs[^1].Path.Append(numbers[0]);
            return null;
        }

        // Below the top level every number is one octet: extended types (RFC 6929) and TLV members.
        for (var i = 1; i < count; i++)
        {
            if (numbers[i] > byte.MaxValue)
            {
                return $"attribute number \"{oid}\": nested numbers must be 0-255";
            }
        }

        if (vendor is null)
        {
            path = AttributePath.Standard(numbers);
        }
        else if (state.Vendor is not null && state.ExtendedParent != 0)
        {
            // The EVS Vendor-Type field is one octet (RFC 6929 §2.4).
            if (numbers[0] > byte.MaxValue)
            {
                return $"vendor attribute {numbers[0]} does not fit the one-octet Extended-Vendor-Specific type";
            }

            path = AttributePath.ExtendedVendor(state.ExtendedParent, vendor.Id, numbers);
        }
        else
        {
            if (numbers[0] > vendor.MaxType)
            {
                return $"vendor attribute {numbers[0]} does not fit {vendor.Name}'s {vendor.TypeLength}-octet type field";
            }

            path = AttributePath.Vendor(vendor.Id, numbers);
        }

        return null;
    }

    private string? CheckRules(AttributeDefinition definition, AttributePath path)
    {
        if (path.Parent is { } parentPath)
        {
            if (!builder.TryFindAttribute(parentPath, out var parent))
            {
                return $"parent {parentPath} of {definition.Name} is not defined";
            }

            if (parent.Type is not (RadiusDataType.Tlv or RadiusDataType.Extended or RadiusDataType.LongExtended))
            {
                return $"parent {parent.Name} of {definition.Name} is of type {parent.TypeName}, not tlv or extended";
            }
        }

        if (definition.IsConcat && definition.Type != RadiusDataType.Octets)
        {
            return "only \"octets\" attributes can have the \"concat\" flag";
        }

        if (definition.Encrypt == EncryptMethod.AscendSecret && definition.Type != RadiusDataType.Text)
        {
            return "only \"string\" attributes can have the \"encrypt=3\" flag";
        }

        if (definition.IsVirtual && path.IsVendorSpecific)
        {
            return "vendor attributes cannot have the \"virtual\" flag";
        }

        return null;
    }

    private string? ParseValue(List<string> tokens, FileState state, int line)
    {
        if (tokens.Count != 4)
        {
            return "VALUE needs: attribute name number";
        }

        if (!TryParseNumber(tokens[3], out var number))
        {
            return $"invalid value number \"{tokens[3]}\" (decimal or 0x hex, 0-4294967295)";
        }

        builder.AddValue(tokens[1], tokens[2], number, state.File, line);
        return null;
    }

    private string? ParseVendor(List<string> tokens, FileState state, int line)
    {
        if (tokens.Count is < 3 or > 4)
        {
            return "VENDOR needs: name number [format=t,l[,c]]";
        }

        if (!IsValidName(tokens[1]))
        {
            return $"invalid vendor name \"{tokens[1]}\"";
        }

        // The Vendor-Id field's high-order octet is 0 (RFC 2865 §5.26).
        if (!TryParseNumber(tokens[2], out var id) || id >= 1 << 24)
        {
            return $"invalid vendor number \"{tokens[2]}\" (0-16777215)";
        }

        var vendor = new VendorDefinition(tokens[1], id);
        if (tokens.Count == 4)
        {
            var formatError = ParseVendorFormat(tokens[3], ref vendor);
            if (formatError is not null)
            {
                return formatError;
            }
        }

        builder.AddVendor(vendor, state.File, line);
        return null;
    }

    private static string? ParseVendorFormat(string format, ref VendorDefinition vendor)
    {
        const string Prefix = "format=";
        var parts = format.StartsWith(Prefix, StringComparison.Ordinal) ? format[Prefix.Length..].Split(',') : [];
        if (parts.Length is < 2 or > 3
            || parts[0] is not ("1" or "2" or "4")
            || parts[1] is not ("0" or "1" or "2")
            || (parts.Length == 3 && parts[2] != "c"))
        {
            return $"invalid vendor format \"{format}\" (format=t,l[,c] with t 1, 2 or 4 and l 0, 1 or 2)";
        }

        var hasContinuation = parts.Length == 3;
        if (hasContinuation && (parts[0] != "1" || parts[1] != "1"))
        {
            return "the continuation flag needs format=1,1,c";
        }

        vendor = vendor with
        {
            TypeLength = (byte)(parts[0][0] - '0'),
            LengthLength = (byte)(parts[1][0] - '0'),
            HasContinuation = hasContinuation,
        };
        return null;
    }

    private string? ParseBeginVendor(List<string> tokens, FileState state, int line)
    {
        if (tokens.Count is < 2 or > 3)
        {
            return "BEGIN-VENDOR needs: name [format=Extended-Vendor-Specific-N]";
        }

        if (state.Vendor is not null)
        {
            return $"BEGIN-VENDOR {tokens[1]} inside the block of {state.Vendor.Name}";
        }

        if (!builder.TryFindVendor(tokens[1], out var vendor))
        {
            return $"unknown vendor \"{tokens[1]}\"";
        }

        byte extendedParent = 0;
        if (tokens.Count == 3)
        {
            const string Prefix = "format=Extended-Vendor-Specific-";
            var format = tokens[2];
            if (!format.StartsWith(Prefix, StringComparison.Ordinal)
                || format.Length != Prefix.Length + 1
                || format[^1] is < '1' or > '6')
            {
                return $"invalid BEGIN-VENDOR format \"{format}\" (format=Extended-Vendor-Specific-1 to -6)";
            }

            extendedParent = (byte)(240 + (format[^1] - '0'));
            var evsPath = AttributePath.Standard(extendedParent, 26);
            if (!builder.TryFindAttribute(evsPath, out var evs) || evs.Type != RadiusDataType.ExtendedVendorSpecific)
            {
                return $"{format} needs attribute {evsPath} of type evs to be defined first";
            }
        }

        state.Vendor = vendor;
        state.ExtendedParent = extendedParent;
        state.VendorLine = line;
        return null;
    }

    private static string? ParseEndVendor(List<string> tokens, FileState state)
    {
        if (tokens.Count != 2)
        {
            return "END-VENDOR needs: name";
        }

        if (state.Vendor is null || !Is(tokens[1], state.Vendor.Name))
        {
            return $"END-VENDOR {tokens[1]} without a matching BEGIN-VENDOR";
        }

        state.Vendor = null;
        state.ExtendedParent = 0;
        state.VendorLine = 0;
        return null;
    }

    private string? ParseBeginTlv(List<string> tokens, FileState state, int line)
    {
        if (tokens.Count != 2)
        {
            return "BEGIN-TLV needs: attribute name";
        }

        if (!builder.TryFindAttribute(tokens[1], out var tlv))
        {
            return $"unknown attribute \"{tokens[1]}\" in BEGIN-TLV";
        }

        if (tlv.Type != RadiusDataType.Tlv)
        {
            return $"BEGIN-TLV {tlv.Name}: the attribute is of type {tlv.TypeName}, not tlv";
        }

        state.Tlvs.Add(tlv);
        state.TlvLines.Add(line);
        return null;
    }

    private static string? ParseEndTlv(List<string> tokens, FileState state)
    {
        if (tokens.Count != 2)
        {
            return "END-TLV needs: attribute name";
        }

        if (state.Tlvs.Count == 0 || !Is(tokens[1], state.Tlvs[^1].Name))
        {
            return $"END-TLV {tokens[1]} without a matching BEGIN-TLV";
        }

        state.Tlvs.RemoveAt(state.Tlvs.Count - 1);
        state.TlvLines.RemoveAt(state.TlvLines.Count - 1);
        return null;
    }

    private string? ParseInclude(List<string> tokens, FileState state, int line, bool optional)
    {
        if (tokens.Count != 2)
        {
            return $"{tokens[0]} needs: file name";
        }

        var name = source.Resolve(state.File, tokens[1]);
        if (optional && !source.Exists(name))
        {
            return null;
        }

        ParseSource(name, state.File, line);
        return null;
    }

    private static string? ParseBeginProtocol(List<string> tokens, FileState state, int line)
    {
        if (tokens.Count != 2)
        {
            return "BEGIN-PROTOCOL needs: name";
        }

        // Other protocols (DHCP, TACACS+ ...) share the file format but not RADIUS's number space.
        if (!Is(tokens[1], "RADIUS"))
        {
            state.SkippedProtocol = tokens[1];
            state.ProtocolLine = line;
        }

        return null;
    }

    private static string? ParseEndProtocol(List<string> tokens, FileState state) =>
        tokens.Count == 2 && Is(tokens[1], "RADIUS") ? null : "END-PROTOCOL without a matching BEGIN-PROTOCOL";

    private void ReportUnclosedBlocks(FileState state)
    {
        if (state.Vendor is not null)
        {
            builder.AddError(state.File, state.VendorLine, $"BEGIN-VENDOR {state.Vendor.Name} is never closed by END-VENDOR");
        }

        for (var i = 0; i < state.Tlvs.Count; i++)
        {
            builder.AddError(state.File, state.TlvLines[i], $"BEGIN-TLV {state.Tlvs[i].Name} is never closed by END-TLV");
        }

        if (state.SkippedProtocol is not null)
        {
            builder.AddError(state.File, state.ProtocolLine, $"BEGIN-PROTOCOL {state.SkippedProtocol} is never closed by END-PROTOCOL");
        }
    }

    /// <summary>Splits a line on blanks, dropping everything from '#' on (comments may follow a definition).</summary>
    private static void Tokenize(ReadOnlySpan<char> line, List<string> tokens)
    {
        tokens.Clear();
        var hash = line.IndexOf('#');
        if (hash >= 0)
        {
            line = line[..hash];
        }

        foreach (var range in line.SplitAny(' ', '\t', '\f', '\v', '\r'))
        {
            var token = line[range];
            if (!token.IsEmpty)
            {
                tokens.Add(token.ToString());
            }
        }
    }

    /// <summary>Decimal or 0x-prefixed hexadecimal, as FreeRADIUS accepts; no sign, no overflow.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<char> text, out uint value)
    {
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            return uint.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>FreeRADIUS's rule for attribute and vendor names: [A-Za-z0-9_./-]+.</summary>
    internal static bool IsValidName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(string token, string expected) => token.Equals(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Block state that lives for one file: FreeRADIUS does not carry blocks into includes.</summary>
    private sealed class FileState(string file)
    {
        public string File { get; } = file;

        public VendorDefinition? Vendor { get; set; }

        public byte ExtendedParent { get; set; }

        public int VendorLine { get; set; }

        public List<AttributeDefinition> Tlvs { get; } = [];

        public List<int> TlvLines { get; } = [];

        public string? SkippedProtocol { get; set; }

        public int ProtocolLine { get; set; }
    }
}
