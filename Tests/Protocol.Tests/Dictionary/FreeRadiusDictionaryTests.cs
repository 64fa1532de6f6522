using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Dictionary;

namespace Orleans.Radius.Protocol.Tests.Dictionary;

/// <summary>
/// Loads the FreeRADIUS dictionary tree of Debian's freeradius-common package: the real-world corpus the
/// parser has to accept, and the reference for the names of the built-in dictionary.
/// </summary>
public class FreeRadiusDictionaryTests
{
    private const string Root = "/usr/share/freeradius/dictionary";

    private static readonly Lazy<DictionaryLoadResult> Tree = new(() => RadiusDictionary.LoadFromFile(Root));

    [Fact]
    public void Every_file_of_the_tree_parses_without_errors()
    {
        var result = LoadTree();
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Dictionary.Attributes.Count > 5000);
        Assert.True(result.Dictionary.Vendors.Count > 150);
    }

    [Fact]
    public void Every_attribute_and_value_of_the_tree_resolves_both_ways()
    {
        var dictionary = LoadTree().Dictionary;
        var problems = new List<string>();
        var files = IncludedFiles(Root);
        Assert.True(files.Count > 200, $"only {files.Count} files reached from {Root}");
        foreach (var (file, line, tokens) in files.SelectMany(Definitions))
        {
            if (tokens[0] == "ATTRIBUTE")
            {
                if (!dictionary.TryGetAttribute(tokens[1], out var attribute))
                {
                    problems.Add($"{file}:{line}: {tokens[1]} not found by name");
                }
                else if (!dictionary.TryGetAttribute(attribute.Path, out var byNumber)
                    || !dictionary.TryGetAttribute(byNumber.Name, out var again)
                    || !again.Path.Equals(attribute.Path))
                {
                    problems.Add($"{file}:{line}: {tokens[1]} at {attribute.Path} does not resolve back by number");
                }
                else if (!attribute.Path.Numbers.EndsWith(ParseOid(tokens[2])))
                {
                    problems.Add($"{file}:{line}: {tokens[1]} has path {attribute.Path}, the file says {tokens[2]}");
                }
            }
            else if (tokens[0] == "VALUE")
            {
                if (!dictionary.TryGetAttribute(tokens[1], out var attribute)
                    || !dictionary.TryGetValue(attribute, tokens[2], out var number)
                    || !dictionary.TryGetValueName(attribute, number, out var name)
                    || !dictionary.TryGetValue(attribute, name, out var numberAgain)
                    || numberAgain != number)
                {
                    problems.Add($"{file}:{line}: VALUE {tokens[1]} {tokens[2]} does not resolve both ways");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(50)));
    }

    [Fact]
    public void Built_in_attributes_match_the_tree_in_name_number_and_type()
    {
        var tree = LoadTree().Dictionary;
        var problems = new List<string>();
        foreach (var attribute in RadiusDictionary.Standard.Attributes)
        {
            if (!tree.TryGetAttribute(attribute.Name, out var reference))
            {
                // An RFC attribute FreeRADIUS leaves out (RFC 2548's MS-ARAP-Challenge) is fine while its number
                // means nothing else there.
                if (tree.TryGetAttribute(attribute.Path, out var other))
                {
                    problems.Add($"{attribute.Name} ({attribute.Path}) is {other.Name} in FreeRADIUS");
                }

                continue;
            }

            if (!reference.Path.Equals(attribute.Path))
            {
                problems.Add($"{attribute.Name} is {attribute.Path}, FreeRADIUS says {reference.Path}");
            }

            if (!AreCompatible(attribute.Type, reference.Type))
            {
                problems.Add($"{attribute.Name} is {attribute.TypeName}, FreeRADIUS says {reference.TypeName}");
            }

            if (attribute.Encrypt != reference.Encrypt || attribute.HasTag != reference.HasTag)
            {
                problems.Add($"{attribute.Name} flags differ from FreeRADIUS");
            }

            foreach (var value in RadiusDictionary.Standard.GetValues(attribute))
            {
                if (!tree.TryGetValue(reference, value.Name, out var number))
                {
                    problems.Add($"{attribute.Name} VALUE {value.Name} is not a FreeRADIUS name");
                }
                else if (number != value.Number)
                {
                    problems.Add($"{attribute.Name} VALUE {value.Name} is {value.Number}, FreeRADIUS says {number}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // "string" and "octets" differ only in how FreeRADIUS prints them; the wire format is the same.
    private static bool AreCompatible(RadiusDataType ours, RadiusDataType theirs) =>
        ours == theirs || (IsBytes(ours) && IsBytes(theirs));

    private static bool IsBytes(RadiusDataType type) => type is RadiusDataType.Text or RadiusDataType.Octets or RadiusDataType.String;

    private static uint[] ParseOid(string oid) =>
        [.. oid.Split('.').Select(n => n.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? Convert.ToUInt32(n[2..], 16)
            : uint.Parse(n, System.Globalization.CultureInfo.InvariantCulture))];

    internal static DictionaryLoadResult LoadTree()
    {
        Assert.True(
            File.Exists(Root),
            $"{Root} is missing: install the Debian package freeradius-common (apt-get install freeradius-common); "
            + "these tests check the parser against its dictionaries and must not be skipped.");
        return Tree.Value;
    }

    /// <summary>The files reached from <paramref name="root"/> by $INCLUDE, found independently of the parser.</summary>
    private static List<string> IncludedFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var file = pending.Pop();
            if (files.Contains(file))
            {
                continue;
            }

            files.Add(file);
            foreach (var (_, _, tokens) in Definitions(file))
            {
                if (tokens[0] is "$INCLUDE" or "$INCLUDE-")
                {
                    pending.Push(Path.Combine(Path.GetDirectoryName(file)!, tokens[1]));
                }
            }
        }

        return files;
    }

    private static IEnumerable<(string File, int Line, string[] Tokens)> Definitions(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var tokens = (hash >= 0 ? text[..hash] : text).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 0)
            {
                yield return (Path.GetFileName(file), i + 1, tokens);
            }
        }
    }
}
