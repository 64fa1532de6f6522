using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// The server side of one EAP method in one conversation (RFC 3748 §2). The conversation grain owns the
/// EAP header (code, identifier, length) and the method's type byte; a method sees and produces only the
/// Type-Data. Instances are not thread-safe and live in one grain activation.
/// </summary>
internal interface IEapMethod
{
    /// <summary>The EAP type this method speaks.</summary>
    EapType Type { get; }

    /// <summary>The first Request's Type-Data, sent once the peer's identity is known.</summary>
    EapStep Start(EapMethodContext context);

    /// <summary>Takes the Type-Data of the peer's Response of this method and says what to send next.</summary>
    ValueTask<EapStep> ProcessAsync(ReadOnlyMemory<byte> typeData, EapMethodContext context);
}
