namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>A single in-memory text: there is nothing to include from, so every $INCLUDE is reported.</summary>
internal sealed class TextDictionarySource(string name, string text) : IDictionarySource
{
    public string Resolve(string includingName, string include) => include;

    public bool Exists(string name) => false;

    public bool TryRead(string requested, out string content, out string error)
    {
        if (requested == name)
        {
            content = text;
            error = "";
            return true;
        }

        content = "";
        error = $"cannot include \"{requested}\" from in-memory text; load from a file instead";
        return false;
    }
}
