namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// A method whose progress fits in storage, so a conversation survives the loss of its silo. TLS-based
/// methods hold a TLS engine in memory and do not implement it: their conversations are failed cleanly instead.
/// </summary>
internal interface IEapResumableMethod : IEapMethod
{
    /// <summary>The progress so far, taken after every step.</summary>
    EapMethodSnapshot Save();

    /// <summary>Continues from <paramref name="snapshot"/> on a fresh instance; false when it is not usable.</summary>
    bool TryRestore(EapMethodSnapshot snapshot);
}
