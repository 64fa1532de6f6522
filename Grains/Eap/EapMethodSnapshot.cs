namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// What a resumable method (EAP-MD5, EAP-MSCHAPv2) needs to continue on another activation after its silo
/// was lost: its step, challenge bytes and, once the credentials were checked, the outcome.
/// </summary>
[GenerateSerializer, Alias("radius.eap-method-snapshot")]
public sealed class EapMethodSnapshot
{
    [Id(0)]
    public byte Step { get; set; }

    /// <summary>Method-specific bytes: challenges and identifiers.</summary>
    [Id(1)]
    public byte[] Data { get; set; } = [];

    /// <summary>The authenticated identity, once known.</summary>
    [Id(2)]
    public string? Identity { get; set; }

    /// <summary>The user's reply attributes, once the credentials were accepted.</summary>
    [Id(3)]
    public List<ReplyAttribute>? Reply { get; set; }

    /// <summary>The Master Session Key, once derived.</summary>
    [Id(4)]
    public byte[]? Msk { get; set; }
}
