using Orleans.Radius.Protocol.Dictionary;

namespace Orleans.Radius.Protocol.Tests.Dictionary;

public sealed class DictionaryIncludeTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dictionary-tests-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Follows_includes_relative_to_the_including_file()
    {
        Write("dictionary", "$INCLUDE sub/dictionary.sub\n$INCLUDE- dictionary.missing-but-optional\n");
        Write("sub/dictionary.sub", "ATTRIBUTE Sub-One 200 integer\n$INCLUDE ../dictionary.leaf\n");
        Write("dictionary.leaf", "VALUE Sub-One Yes 1\n");

        var result = RadiusDictionary.LoadFromFile(Path.Combine(_directory.FullName, "dictionary"));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Dictionary.TryGetAttribute("Sub-One", out var sub));
        Assert.True(result.Dictionary.TryGetValue(sub, "Yes", out _));
    }

    [Fact]
    public void Reports_a_missing_include_at_the_including_line()
    {
        var root = Write("dictionary", "# nothing\n$INCLUDE dictionary.gone\n");
        var error = Assert.Single(RadiusDictionary.LoadFromFile(root).Errors);
        Assert.Equal(root, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("dictionary.gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_include_cycle_instead_of_recursing()
    {
        var root = Write("dictionary.a", "ATTRIBUTE A 200 integer\n$INCLUDE dictionary.b\n");
        var b = Write("dictionary.b", "ATTRIBUTE B 201 integer\n$INCLUDE dictionary.a\n");

        var result = RadiusDictionary.LoadFromFile(root);

        var error = Assert.Single(result.Errors);
        Assert.Equal(b, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
        Assert.True(result.Dictionary.TryGetAttribute("B", out _));
    }

    [Fact]
    public void Reports_a_file_including_itself()
    {
        var root = Write("dictionary", "$INCLUDE dictionary\n");
        Assert.Contains("include cycle", Assert.Single(RadiusDictionary.LoadFromFile(root).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_errors_in_included_files_with_their_own_name()
    {
        var root = Write("dictionary", "$INCLUDE dictionary.bad\n");
        var bad = Write("dictionary.bad", "\n\nATTRIBUTE Broken 200 nonsense\n");
        var error = Assert.Single(RadiusDictionary.LoadFromFile(root).Errors);
        Assert.Equal((bad, 3), (error.File, error.Line));
    }

    [Fact]
    public void Reports_a_missing_root_file()
    {
        var error = Assert.Single(RadiusDictionary.LoadFromFile(Path.Combine(_directory.FullName, "absent")).Errors);
        Assert.Equal(0, error.Line);
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
