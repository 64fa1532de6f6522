namespace Orleans.Radius.Grains.Eap;

/// <summary><c>Eap</c> section: which methods run and how long conversations live.</summary>
public sealed class EapOptions
{
    public const string Section = "Eap";

    /// <summary>Grain storage provider for conversations; the silo gives it an expiry so abandoned state disappears.</summary>
    public const string StorageName = "eap";

    /// <summary>
    /// Allowed methods in order of preference (TLS, PEAP, TTLS, MSCHAPV2, MD5); the first one is proposed.
    /// Null or empty: <see cref="EapMethodNames.Default"/> (a default list here would be appended to by binding).
    /// </summary>
    public List<string>? Methods { get; set; }

    /// <summary>The methods in force: <see cref="Methods"/> or the default.</summary>
    public IReadOnlyList<string> EffectiveMethods => Methods is { Count: > 0 } methods ? methods : EapMethodNames.Default;

    /// <summary>A conversation idle this long is forgotten and its grain deactivates.</summary>
    public TimeSpan ConversationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Put the authenticated (inner) identity in the Access-Accept's User-Name.</summary>
    public bool ReplyInnerIdentity { get; set; }

    /// <summary>
    /// Persist EAP-MD5 and EAP-MSCHAPv2 progress so a conversation survives the loss of its silo (one storage
    /// write per round). Off: such a conversation is failed cleanly instead, like a TLS one.
    /// </summary>
    public bool PersistProgress { get; set; } = true;

    /// <summary>On a graceful silo stop, how long conversations in progress may take to finish before the silo goes on stopping.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
