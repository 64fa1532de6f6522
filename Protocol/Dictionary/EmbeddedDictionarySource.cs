using System.Reflection;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>The built-in dictionary files embedded in this assembly; includes name sibling resources.</summary>
internal sealed class EmbeddedDictionarySource : IDictionarySource
{
    public const string ResourcePrefix = "Orleans.Radius.Protocol.Dictionary.Standard.";

    private static readonly Assembly Assembly = typeof(EmbeddedDictionarySource).Assembly;

    public string Resolve(string includingName, string include) => include;

    public bool Exists(string name) => Assembly.GetManifestResourceInfo(ResourcePrefix + name) is not null;

    public bool TryRead(string name, out string text, out string error)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            text = "";
            error = $"no embedded dictionary named {name}";
            return false;
        }

        using var reader = new StreamReader(stream);
        text = reader.ReadToEnd();
        error = "";
        return true;
    }
}
