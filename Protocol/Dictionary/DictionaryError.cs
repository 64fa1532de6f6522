namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>One problem found while loading a dictionary: where it is and what is wrong.</summary>
/// <param name="File">The file or source name; the including file for a missing include.</param>
/// <param name="Line">1-based line number, or 0 when the problem concerns the whole source.</param>
/// <param name="Message">What is wrong, in words a person editing the file can act on.</param>
public sealed record DictionaryError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
