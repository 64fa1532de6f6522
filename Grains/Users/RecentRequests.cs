using System.Buffers.Binary;

namespace Orleans.Radius.Grains.Users;

/// <summary>
/// The decisions a grain made in the last dedup window, keyed by (source address, port, identifier) and
/// checked against the Request Authenticator (RFC 5080 §2.2.2). Bounded: at most <c>capacity</c>
/// decisions, the oldest going first, and the ordering queue is compacted so a NAS re-using one key
/// with new authenticators cannot grow it either.
/// </summary>
internal sealed class RecentRequests(TimeSpan window, int capacity, TimeProvider time)
{
    // Value types only: a busy grain remembers thousands of requests for seconds, and per-entry heap
    // objects would be promoted out of gen0 and make collections expensive.
    private readonly Dictionary<(UInt128 Address, ushort Port, byte Identifier), Entry> _entries = [];
    private readonly Queue<((UInt128, ushort, byte) Key, long Sequence, long Expires)> _order = new();
    private long _sequence;

    public bool TryGet(RequestKey key, out AuthResult result)
    {
        Expire();
        if (_entries.TryGetValue(KeyOf(key), out var entry) && entry.Authenticator == AuthenticatorOf(key))
        {
            result = entry.Result;
            return true;
        }

        result = AuthResult.Rejected;
        return false;
    }

    public void Add(RequestKey key, AuthResult result)
    {
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var expires = time.GetTimestamp() + (long)(window.TotalSeconds * time.TimestampFrequency);
        var k = KeyOf(key);
        var sequence = ++_sequence;
        _entries[k] = new Entry(AuthenticatorOf(key), result, sequence);
        _order.Enqueue((k, sequence, expires));
        while (_entries.Count > capacity && _order.TryDequeue(out var oldest))
        {
            RemoveIfCurrent(oldest.Key, oldest.Sequence);
        }

        if (_order.Count > (2 * capacity) + 16)
        {
            Compact();
        }
    }

    private void Expire()
    {
        var now = time.GetTimestamp();
        while (_order.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            _order.Dequeue();
            RemoveIfCurrent(oldest.Key, oldest.Sequence);
        }
    }

    // Drops queue items whose entry was replaced since (same key, newer authenticator).
    private void Compact()
    {
        var live = _order.Where(item => _entries.TryGetValue(item.Key, out var entry) && entry.Sequence == item.Sequence).ToList();
        _order.Clear();
        foreach (var item in live)
        {
            _order.Enqueue(item);
        }
    }

    private void RemoveIfCurrent((UInt128, ushort, byte) key, long sequence)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Sequence == sequence)
        {
            _entries.Remove(key);
        }
    }

    private static (UInt128, ushort, byte) KeyOf(RequestKey key)
    {
        Span<byte> address = stackalloc byte[16];
        var length = Math.Min(16, key.SourceAddress.Length);
        key.SourceAddress.AsSpan(0, length).CopyTo(address[(16 - length)..]);
        return (BinaryPrimitives.ReadUInt128BigEndian(address), key.SourcePort, key.Identifier);
    }

    private static UInt128 AuthenticatorOf(RequestKey key) =>
        key.Authenticator.Length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(key.Authenticator) : UInt128.MaxValue;

    private readonly record struct Entry(UInt128 Authenticator, AuthResult Result, long Sequence);
}
