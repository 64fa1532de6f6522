namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// Accumulates the incoming fragments of one TLS message (RFC 5216 §2.1.5) under a hard size cap. One instance
/// per conversation; not thread-safe.
/// </summary>
/// <remarks>
/// The TLS Message Length is attacker controlled: it is checked against the cap and against the data, and
/// memory grows only with data actually received (never with a declared length). Any error resets the state,
/// so the caller can end the conversation (or start over) without cleaning up. A missing L on the first of
/// several fragments is tolerated (the cap still applies); L repeated on later fragments is accepted only
/// when it repeats the same value.
/// </remarks>
public sealed class EapTlsReassembler
{
    /// <summary>Default cap: comfortably above a client certificate chain, far below anything abusive.</summary>
    public const int DefaultMaxMessageLength = 64 * 1024;

    private const int InitialCapacity = 1024;

    private byte[] _buffer = [];
    private int _received;
    private long _declaredLength = -1;
    private bool _complete;

    public EapTlsReassembler(int maxMessageLength = DefaultMaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageLength, 1);
        MaxMessageLength = maxMessageLength;
    }

    /// <summary>The hard cap on a reassembled message.</summary>
    public int MaxMessageLength { get; }

    /// <summary>True between the first fragment of a message and its last (or an error).</summary>
    public bool InProgress => _received > 0 && !_complete;

    /// <summary>Bytes of the current message received so far.</summary>
    public int ReceivedLength => _received;

    /// <summary>The declared TLS Message Length of the current message, if any fragment carried one.</summary>
    public int? DeclaredLength => _declaredLength < 0 ? null : (int)_declaredLength;

    /// <summary>The whole message after <see cref="EapTlsReassemblyResult.Complete"/>; valid until the next Add or Reset.</summary>
    public ReadOnlySpan<byte> Message => _complete ? _buffer.AsSpan(0, _received) : [];

    /// <summary>Adds a fragment parsed by <see cref="EapTlsPacketReader"/>.</summary>
    public EapTlsReassemblyResult Add(in EapTlsPacketReader fragment) =>
        Add(fragment.HasLength, fragment.DeclaredLength, fragment.MoreFragments, fragment.Data);

    /// <summary>Adds a fragment given its L flag and length, its M flag and its data.</summary>
    public EapTlsReassemblyResult Add(bool hasLength, uint declaredLength, bool moreFragments, ReadOnlySpan<byte> data)
    {
        if (_complete)
        {
            StartOver();
        }

        var result = Accept(hasLength, declaredLength, moreFragments, data);
        if (result is not (EapTlsReassemblyResult.Complete or EapTlsReassemblyResult.NeedMoreFragments))
        {
            StartOver();
        }

        return result;
    }

    /// <summary>Forgets the current message and releases the buffer.</summary>
    public void Reset()
    {
        StartOver();
        _buffer = [];
    }

    private EapTlsReassemblyResult Accept(bool hasLength, uint declaredLength, bool moreFragments, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            // An empty fragment adds nothing; accepting one with M would let a peer loop us forever.
            return EapTlsReassemblyResult.EmptyFragment;
        }

        if (hasLength)
        {
            if (declaredLength > (uint)MaxMessageLength)
            {
                return EapTlsReassemblyResult.DeclaredLengthTooLarge;
            }

            if (declaredLength == 0
                || (_declaredLength >= 0 && declaredLength != _declaredLength)
                || declaredLength < _received)
            {
                return EapTlsReassemblyResult.DeclaredLengthInconsistent;
            }

            _declaredLength = declaredLength;
        }

        // In long so that no fragment size, however large, can wrap the sum past the checks below.
        var total = (long)_received + data.Length;
        if (_declaredLength >= 0)
        {
            if (total > _declaredLength)
            {
                return EapTlsReassemblyResult.ExceedsDeclaredLength;
            }

            if (moreFragments && total == _declaredLength)
            {
                return EapTlsReassemblyResult.DeclaredLengthInconsistent;
            }

            if (!moreFragments && total < _declaredLength)
            {
                return EapTlsReassemblyResult.ShorterThanDeclaredLength;
            }
        }
        else if (total > MaxMessageLength)
        {
            return EapTlsReassemblyResult.TooLarge;
        }

        Append(data, (int)total);
        if (moreFragments)
        {
            return EapTlsReassemblyResult.NeedMoreFragments;
        }

        _complete = true;
        return EapTlsReassemblyResult.Complete;
    }

    private void Append(ReadOnlySpan<byte> data, int total)
    {
        if (total > _buffer.Length)
        {
            // Grow geometrically with the data received, never past the cap.
            var capacity = Math.Min(MaxMessageLength, Math.Max(total, Math.Max(_buffer.Length * 2, InitialCapacity)));
            var grown = new byte[capacity];
            _buffer.AsSpan(0, _received).CopyTo(grown);
            _buffer = grown;
        }

        data.CopyTo(_buffer.AsSpan(_received));
        _received = total;
    }

    private void StartOver()
    {
        _received = 0;
        _declaredLength = -1;
        _complete = false;
    }
}
