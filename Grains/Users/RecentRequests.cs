namespace Orleans.Radius.Grains.Users;

/// <summary>
/// The decisions a grain made in the last dedup window, keyed by (source address, port, identifier) and
/// checked against the Request Authenticator (RFC 5080 §2.2.2). Bounded: the oldest entries go first.
/// </summary>
internal sealed class RecentRequests(TimeSpan window, int capacity, TimeProvider time)
{
    private readonly Dictionary<(UInt128 Address, ushort Port, byte Identifier), Entry> _entries = [];
    private readonly Queue<((UInt128, ushort, byte) Key, long Expires)> _order = new();

    public bool TryGet(RequestKey key, out AuthResult result)
    {
        Expire();
        if (_entries.TryGetValue(KeyOf(key), out var entry) && entry.Authenticator.AsSpan().SequenceEqual(key.Authenticator))
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
        _entries[k] = new Entry(key.Authenticator, result, expires);
        _order.Enqueue((k, expires));
        while (_entries.Count > capacity && _order.TryDequeue(out var oldest))
        {
            RemoveIfCurrent(oldest.Key, oldest.Expires);
        }
    }

    private void Expire()
    {
        var now = time.GetTimestamp();
        while (_order.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            _order.Dequeue();
            RemoveIfCurrent(oldest.Key, oldest.Expires);
        }
    }

    // A key re-used with a new authenticator replaced the entry: only remove the entry this queue item made.
    private void RemoveIfCurrent((UInt128, ushort, byte) key, long expires)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires == expires)
        {
            _entries.Remove(key);
        }
    }

    private static (UInt128, ushort, byte) KeyOf(RequestKey key)
    {
        Span<byte> address = stackalloc byte[16];
        key.SourceAddress.AsSpan(0, Math.Min(16, key.SourceAddress.Length)).CopyTo(address[(16 - Math.Min(16, key.SourceAddress.Length))..]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(address), key.SourcePort, key.Identifier);
    }

    private sealed record Entry(byte[] Authenticator, AuthResult Result, long Expires);
}
