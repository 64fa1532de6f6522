namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>
/// The outcome of loading dictionaries: everything that parsed, plus every problem found. The dictionary is
/// always usable; a caller decides whether any error is fatal (a server should refuse to start).
/// </summary>
public sealed class DictionaryLoadResult(RadiusDictionary dictionary, IReadOnlyList<DictionaryError> errors)
{
    public RadiusDictionary Dictionary { get; } = dictionary;

    public IReadOnlyList<DictionaryError> Errors { get; } = errors;

    public bool Succeeded => Errors.Count == 0;
}
