namespace Orleans.Radius.Protocol.Eap;

/// <summary>Outcome of adding one incoming fragment to an <see cref="EapTlsReassembler"/>.</summary>
public enum EapTlsReassemblyResult : byte
{
    /// <summary>The message is whole: read <see cref="EapTlsReassembler.Message"/>.</summary>
    Complete,

    /// <summary>M was set: acknowledge and wait for the next fragment.</summary>
    NeedMoreFragments,

    /// <summary>A fragment with no data: an ACK or a Start is not part of a message.</summary>
    EmptyFragment,

    /// <summary>The declared TLS Message Length is above the configured cap.</summary>
    DeclaredLengthTooLarge,

    /// <summary>
    /// The declared length is zero, differs from the one declared earlier, is below the data already held, or
    /// M was set although the declared length has been reached.
    /// </summary>
    DeclaredLengthInconsistent,

    /// <summary>The data runs past the declared length.</summary>
    ExceedsDeclaredLength,

    /// <summary>The last fragment (M clear) arrived before the declared length was reached.</summary>
    ShorterThanDeclaredLength,

    /// <summary>Without a declared length, the data grew past the configured cap.</summary>
    TooLarge,
}
