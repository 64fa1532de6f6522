namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>Dictionary files on disk; includes are relative to the including file's directory.</summary>
internal sealed class FileDictionarySource : IDictionarySource
{
    /// <summary>
    /// No real dictionary file comes near this (FreeRADIUS's largest is a few hundred KiB); the cap keeps a
    /// mistaken include of a log or device file from exhausting memory.
    /// </summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public string Resolve(string includingName, string include)
    {
        var directory = Path.GetDirectoryName(includingName) ?? "";
        return Path.GetFullPath(Path.Combine(directory, include));
    }

    public bool Exists(string name) => File.Exists(name);

    public bool TryRead(string name, out string text, out string error)
    {
        text = "";
        error = "";
        try
        {
            var info = new FileInfo(name);
            if (!info.Exists)
            {
                error = $"file not found: {name}";
                return false;
            }

            if (info.Length > MaxFileBytes)
            {
                error = $"file is {info.Length} bytes, more than the {MaxFileBytes} allowed: {name}";
                return false;
            }

            text = File.ReadAllText(name);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // Unreadable files are a load error to report with the others, not a crash.
            error = $"cannot read {name}: {e.Message}";
            return false;
        }
    }
}
