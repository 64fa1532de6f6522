namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>An append-only, thread-safe list whose Nth entry a test can await.</summary>
internal sealed class RequestLog<T>
    where T : class
{
    private readonly List<TaskCompletionSource<T>> _entries = [];

    /// <summary>How many entries have been added so far.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count(e => e.Task.IsCompleted);
            }
        }
    }

    public void Add(T entry)
    {
        lock (_entries)
        {
            var next = _entries.FindIndex(e => !e.Task.IsCompleted);
            if (next < 0)
            {
                _entries.Add(NewSlot());
                next = _entries.Count - 1;
            }

            _entries[next].SetResult(entry);
        }
    }

    /// <summary>The entry at <paramref name="index"/> (0-based), once it has been added; fails after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync(int index, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Task<T> slot;
        lock (_entries)
        {
            while (_entries.Count <= index)
            {
                _entries.Add(NewSlot());
            }

            slot = _entries[index].Task;
        }

        try
        {
            return await slot.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"entry {index} did not arrive within {timeout}; {Count} arrived");
        }
    }

    /// <summary>The entries added so far, in order.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_entries)
        {
            return [.. _entries.Where(e => e.Task.IsCompleted).Select(e => e.Task.Result)];
        }
    }

    private static TaskCompletionSource<T> NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
