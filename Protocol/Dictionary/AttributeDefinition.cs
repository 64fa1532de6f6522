using Orleans.Radius.Protocol.Attributes;

namespace Orleans.Radius.Protocol.Dictionary;

/// <summary>One attribute of a dictionary: its name, where it sits in the number space, its type and flags.</summary>
public sealed record AttributeDefinition
{
    public required string Name { get; init; }

    public required AttributePath Path { get; init; }

    public required RadiusDataType Type { get; init; }

    /// <summary>The type as the dictionary spelled it, lower-cased (<c>abinary</c> maps to Octets but keeps its name here).</summary>
    public string TypeName { get; init; } = "";

    public EncryptMethod Encrypt { get; init; }

    /// <summary>RFC 2868 §3 tag octet in front of the value.</summary>
    public bool HasTag { get; init; }

    /// <summary>Several values packed back to back in one attribute.</summary>
    public bool IsArray { get; init; }

    /// <summary>A long value split over consecutive attributes of the same type (e.g. EAP-Message).</summary>
    public bool IsConcat { get; init; }

    /// <summary>Computed by the server, never sent on the wire.</summary>
    public bool IsVirtual { get; init; }

    /// <summary>Server-internal, outside the protocol's number range.</summary>
    public bool IsInternal { get; init; }

    /// <summary>The value is a secret that logs must not show.</summary>
    public bool IsSecret { get; init; }

    /// <summary>The value's fixed size in octets (from <c>octets[N]</c>), or 0 when the size varies.</summary>
    public int FixedLength { get; init; }

    public uint VendorId => Path.VendorId;

    /// <summary>The attribute's own number within its parent (vendor type, extended type or TLV member).</summary>
    public uint Number => Path.Number;
}
