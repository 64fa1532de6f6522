namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>Where dictionary text comes from, so files on disk and embedded resources share one parser.</summary>
internal interface IDictionarySource
{
    /// <summary>The name of <paramref name="include"/> as seen from <paramref name="includingName"/>.</summary>
    string Resolve(string includingName, string include);

    /// <summary>Whether <paramref name="name"/> can be read at all (for optional includes).</summary>
    bool Exists(string name);

    /// <summary>Reads the whole text; false with a reason (missing, too large, unreadable).</summary>
    bool TryRead(string name, out string text, out string error);
}
